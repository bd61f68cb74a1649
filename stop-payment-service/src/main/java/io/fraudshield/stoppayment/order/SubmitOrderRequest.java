package io.fraudshield.stoppayment.order;

import io.fraudshield.common.identifier.AccountNumber;
import io.fraudshield.common.identifier.ParticipantCode;
import io.fraudshield.common.money.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * A police order. STOP_PAYMENT and FREEZE name the account (target = the bank's head office or payment
 * institution, or found from the card's BIN), holder, amount and, for a stop, the matching transaction;
 * EXTEND and RELEASE quote the original order and take everything else from it. {@link OrderForm} checks
 * which fields each kind needs.
 */
public record SubmitOrderRequest(@NotNull OrderKind kind,
                                 @NotNull @Pattern(regexp = "[A-Z0-9][A-Z0-9\\-]{3,39}") String caseNumber,
                                 @NotNull @Valid LegalDocument legalDocument,
                                 @NotBlank @Size(max = 100) String approvingOfficer,
                                 ParticipantCode target,
                                 @Size(min = 1, max = 100) String holderName,
                                 AccountNumber accountNumber,
                                 Money amount,
                                 FreezeMode freezeMode,
                                 @Valid MatchingTransaction transaction,
                                 @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9\\-]+") String victimRef,
                                 UUID originalOrderId,
                                 @Size(max = 200) String majorCaseApproval) {

    @Override
    public String toString() {
        return "SubmitOrderRequest[kind=" + kind + ", case=" + caseNumber + ", account=" + accountNumber + "]";
    }
}
