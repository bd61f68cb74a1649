package io.fraudshield.accountrisk.marker;

import java.time.Instant;
import java.util.UUID;

/**
 * A marker as the hot path keeps it (in process and in Redis): everything a status answer needs, nothing more.
 * Whether it counts is decided at the moment of the question, so an expired marker stops counting at once.
 */
public record MarkerFact(UUID id, String subjectRef, MarkerCategory category, MarkerLevel level, MarkerState state,
                         String reasonCode, String source, String evidenceRef, Instant validFrom, Instant validUntil,
                         Instant retainUntil, Instant createdAt) {

    /** Approved, not revoked, and inside its validity period at {@code now}. */
    public boolean inForce(Instant now) {
        return state == MarkerState.ACTIVE && !now.isBefore(validFrom) && now.isBefore(validUntil)
                && now.isBefore(retainUntil);
    }

    /** A report that counts in the 3 d / 30 d / 6 m counters: approved (even if since expired), not revoked. */
    public boolean countsAsReport(Instant now) {
        return state == MarkerState.ACTIVE && now.isBefore(retainUntil);
    }
}
