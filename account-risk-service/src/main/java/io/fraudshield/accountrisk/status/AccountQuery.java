package io.fraudshield.accountrisk.status;

import io.fraudshield.common.identifier.AccountNumber;
import io.fraudshield.common.identifier.ParticipantCode;
import jakarta.validation.constraints.NotNull;

/** One account asked about: its bank and its account or card number. */
public record AccountQuery(@NotNull ParticipantCode bank, @NotNull AccountNumber accountNumber) {
}
