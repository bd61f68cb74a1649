package io.fraudshield.accountrisk.transfer;

import io.fraudshield.common.identifier.AccountNumber;
import io.fraudshield.common.identifier.ParticipantCode;
import io.fraudshield.common.identifier.PersonDocument;
import jakarta.validation.constraints.NotNull;

/** One side of a transfer: the account, and for the payer the holder's document (to check restrictions). */
public record TransferParty(@NotNull ParticipantCode bank, @NotNull AccountNumber accountNumber, PersonDocument holder) {
}
