package io.fraudshield.stoppayment.order;

import io.fraudshield.common.problem.ProblemException;

/** Which fields each kind of order needs and may carry (a pure check, tested without a container). */
public final class OrderForm {

    private OrderForm() {
    }

    public static void check(SubmitOrderRequest request) {
        switch (request.kind()) {
            case STOP_PAYMENT -> {
                requireAccount(request);
                require(request.transaction() != null, "$.transaction", "a stop names the transaction to match (time and amount)");
                refuse(request.freezeMode() != null, "$.freezeMode", "only a freeze has a mode");
                refuse(request.majorCaseApproval() != null, "$.majorCaseApproval", "only a freeze is on the major-case track");
            }
            case FREEZE -> {
                requireAccount(request);
                require(request.freezeMode() != null, "$.freezeMode", "a freeze is AMOUNT_LIMITED or RECEIVE_ONLY");
            }
            case EXTEND, RELEASE -> {
                require(request.originalOrderId() != null, "$.originalOrderId", "a renewal or release quotes the original order");
                refuse(request.accountNumber() != null || request.holderName() != null || request.target() != null
                        || request.amount() != null, "$.accountNumber", "a renewal or release takes account, holder, target and amount from the original");
                refuse(request.freezeMode() != null || request.transaction() != null, "$.freezeMode",
                        "a renewal or release takes mode and transaction from the original");
            }
        }
        if (request.kind() != OrderKind.EXTEND && request.kind() != OrderKind.RELEASE) {
            refuse(request.originalOrderId() != null, "$.originalOrderId", "only a renewal or release quotes an original order");
        }
    }

    private static void requireAccount(SubmitOrderRequest request) {
        require(request.accountNumber() != null, "$.accountNumber", "the account to stop or freeze");
        require(request.holderName() != null && !request.holderName().isBlank(), "$.holderName", "the account holder's name, for the bank to match");
        require(request.amount() != null, "$.amount", "the amount to stop or freeze");
    }

    private static void require(boolean present, String field, String message) {
        if (!present) {
            throw ProblemException.invalidField(field, message);
        }
    }

    private static void refuse(boolean present, String field, String message) {
        if (present) {
            throw ProblemException.invalidField(field, message);
        }
    }
}
