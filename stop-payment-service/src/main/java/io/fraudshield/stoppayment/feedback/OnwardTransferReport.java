package io.fraudshield.stoppayment.feedback;

import io.fraudshield.common.identifier.AccountNumber;
import io.fraudshield.common.identifier.ParticipantCode;
import io.fraudshield.common.money.Money;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** Where money went before the stop: the next institution, account, holder, amount, time and transaction id. */
public record OnwardTransferReport(@NotNull ParticipantCode bank, @NotNull AccountNumber accountNumber,
                                   @NotNull @Size(min = 1, max = 100) String holderName, @NotNull Money amount,
                                   @NotNull Instant time,
                                   @NotNull @Pattern(regexp = "[A-Za-z0-9\\-_]{4,64}") String transactionId) {

    @Override
    public String toString() {
        return "OnwardTransferReport[" + transactionId + " to " + bank + "]";
    }
}
