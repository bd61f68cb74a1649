package io.fraudshield.accountrisk.marker;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.Map;

/**
 * A marker on a person, in the form card-limit-service's outbox sends (docs/card-limit.md, "Bulk-opening
 * signal"): {@code type} is the category, {@code evidence} a small JSON object kept for the source and
 * police/regulator, {@code observedAt} when the source saw it (the marker is valid from then).
 */
public record PersonMarkerRequest(@NotNull @Pattern(regexp = CustomerRefs.FORM) String customerRef,
                                  @NotNull MarkerCategory type, MarkerLevel level,
                                  @NotNull @Pattern(regexp = "[A-Z0-9_]{2,64}") String reasonCode,
                                  @Size(max = 64) String source, Map<String, Object> evidence,
                                  @Size(max = 200) String evidenceRef, Instant observedAt, Instant validUntil) {
}
