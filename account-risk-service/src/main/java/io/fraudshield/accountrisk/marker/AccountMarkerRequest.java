package io.fraudshield.accountrisk.marker;

import io.fraudshield.common.identifier.AccountNumber;
import io.fraudshield.common.identifier.ParticipantCode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * A marker on an account: the account's bank and number (kept only as a keyed reference), the category and
 * level, a reason code, and the case or evidence reference only the source and police/regulator will see.
 * {@code validFrom} defaults to now and {@code validUntil} to the end of the retention period.
 */
public record AccountMarkerRequest(@NotNull ParticipantCode bank, @NotNull AccountNumber accountNumber,
                                   @NotNull MarkerCategory category, @NotNull MarkerLevel level,
                                   @NotNull @Pattern(regexp = "[A-Z0-9_]{2,64}") String reasonCode,
                                   @Size(max = 200) String evidenceRef, Instant validFrom, Instant validUntil) {
}
