package io.fraudshield.stoppayment.feedback;

import io.fraudshield.common.problem.ProblemException;
import io.fraudshield.stoppayment.order.OrderKind;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Which answers make sense (pure, table-tested): an execution states its effective time and, for a stop or freeze,
 * the amount (all of it when EXECUTED, less when PARTIALLY_EXECUTED, with the reason for the rest); NOT_EXECUTED
 * names its reason and stops nothing; after a mismatch there are no onward transfers to report.
 */
public final class FeedbackPolicy {

    private FeedbackPolicy() {
    }

    /** The amounts the answer settles: stopped and not stopped (both zero for an EXTEND or RELEASE). */
    public record Settled(BigDecimal stopped, BigDecimal notStopped) {
    }

    public static Settled check(OrderKind kind, BigDecimal requested, FeedbackRequest answer, Instant now) {
        BigDecimal stopped = answer.stoppedAmount() == null ? null : answer.stoppedAmount().amount();
        switch (answer.status()) {
            case ACKNOWLEDGED -> {
                refuse(stopped != null || answer.reason() != null || !answer.transfers().isEmpty(), "$.status",
                        "an acknowledgement carries no result");
                return new Settled(null, null);
            }
            case NOT_EXECUTED -> {
                require(answer.reason() != null, "$.reason", "say why the order was not executed");
                refuse(stopped != null, "$.stoppedAmount", "nothing is stopped when the order is not executed");
                refuse(answer.reason().isMismatch() && !answer.transfers().isEmpty(), "$.onwardTransfers",
                        "after a mismatch the account is not the one ordered: report no transfers");
                return new Settled(BigDecimal.ZERO.setScale(2), kind.holdsMoney() ? requested : BigDecimal.ZERO.setScale(2));
            }
            default -> {
                require(answer.effectiveAt() != null, "$.effectiveAt", "the time the order took effect");
                refuse(answer.effectiveAt().isAfter(now.plusSeconds(60)), "$.effectiveAt", "must not be in the future");
                if (!kind.holdsMoney()) {
                    refuse(answer.status() == FeedbackStatus.PARTIALLY_EXECUTED, "$.status", "a renewal or release is executed or not");
                    refuse(stopped != null || !answer.transfers().isEmpty(), "$.stoppedAmount", "a renewal or release moves no money");
                    return new Settled(BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2));
                }
                require(stopped != null, "$.stoppedAmount", "the amount stopped or frozen");
                refuse(stopped.compareTo(requested) > 0, "$.stoppedAmount", "must not exceed the amount requested");
                if (answer.status() == FeedbackStatus.EXECUTED) {
                    refuse(stopped.compareTo(requested) != 0, "$.stoppedAmount", "EXECUTED stops all of it; report PARTIALLY_EXECUTED otherwise");
                    refuse(answer.reason() != null, "$.reason", "nothing to explain when all was stopped");
                } else {
                    refuse(stopped.compareTo(requested) >= 0, "$.stoppedAmount", "PARTIALLY_EXECUTED stops less than requested");
                    require(answer.reason() != null && !answer.reason().isMismatch(), "$.reason",
                            "say why the rest was not stopped (not a mismatch: then nothing is stopped)");
                }
                return new Settled(stopped, requested.subtract(stopped));
            }
        }
    }

    private static void require(boolean condition, String field, String message) {
        if (!condition) {
            throw ProblemException.invalidField(field, message);
        }
    }

    private static void refuse(boolean condition, String field, String message) {
        if (condition) {
            throw ProblemException.invalidField(field, message);
        }
    }
}
