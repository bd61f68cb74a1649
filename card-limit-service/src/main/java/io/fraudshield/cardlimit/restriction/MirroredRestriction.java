package io.fraudshield.cardlimit.restriction;

import java.time.Instant;
import java.util.UUID;

/**
 * What the mirror keeps of a person's restriction in force: which listing it is (so only its own lifting removes
 * it) and when NO_NEW_ACCOUNTS ends — the one measure an opening depends on. The id is two longs rather than a
 * {@link UUID} to keep one person at a few dozen bytes (docs/card-limit.md "Person restrictions").
 * {@code decidable} is false when the feed did not say enough to judge the person locally (no measures, an unknown
 * change): openings then ask account-risk-service.
 */
record MirroredRestriction(long idHigh, long idLow, long noNewAccountsUntilMillis, boolean decidable) {

    /** NO_NEW_ACCOUNTS is not among the measures: the person may open accounts. */
    static final long NOT_REFUSED = Long.MIN_VALUE;

    static MirroredRestriction refusingUntil(UUID id, Instant noNewAccountsUntil) {
        return new MirroredRestriction(id.getMostSignificantBits(), id.getLeastSignificantBits(),
                noNewAccountsUntil == null ? NOT_REFUSED : ceilMillis(noNewAccountsUntil), true);
    }

    static MirroredRestriction undecidable(UUID id) {
        return new MirroredRestriction(id.getMostSignificantBits(), id.getLeastSignificantBits(), NOT_REFUSED, false);
    }

    boolean isListing(UUID id) {
        return idHigh == id.getMostSignificantBits() && idLow == id.getLeastSignificantBits();
    }

    boolean refusesAt(Instant now) {
        return now.toEpochMilli() < noNewAccountsUntilMillis;
    }

    /** Refuses nothing any more and never will: a later listing arrives as a new entry. */
    boolean spentAt(Instant now) {
        return decidable && !refusesAt(now);
    }

    private static long ceilMillis(Instant instant) {
        long millis = instant.toEpochMilli();
        return instant.getNano() % 1_000_000 == 0 ? millis : millis + 1;
    }
}
