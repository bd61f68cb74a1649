package io.fraudshield.cardlimit.restriction;

import io.fraudshield.cardlimit.rules.RestrictionStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The persons under a restriction in force as of one position of account-risk-service's change feed, judged as
 * {@code GET /v1/person-restrictions/{customerRef}} judges them: refused while NO_NEW_ACCOUNTS has not ended, a
 * lifting removes its listing, a new listing replaces the person's earlier one. A person absent here is clear.
 * Pages are checked whole before any entry is applied, so a malformed page changes nothing. One poller thread
 * applies; any number of openings read.
 */
final class MirrorState {

    static final String RESTRICTION = "RESTRICTION";
    static final String RESTRICTED = "RESTRICTED";
    static final String LIFTED = "LIFTED";
    /** The measures account-risk-service imposes today; a listing naming any other is not judged here. */
    static final Set<String> KNOWN_MEASURES = Set.of(PersonRestrictionView.NO_NEW_ACCOUNTS, "NON_COUNTER_SUSPENDED");

    private final Map<String, MirroredRestriction> persons = new ConcurrentHashMap<>();
    private volatile long seq;
    private volatile UUID lastObjectId;
    private volatile long syncedAtNanos;
    private volatile boolean synced;
    private boolean rebuilt;

    /** The seq of the last entry applied (0: nothing yet). */
    long seq() {
        return seq;
    }

    /** Where the next page starts: one entry back, so the page proves the feed still holds what was applied last. */
    long askAfter() {
        return seq == 0 ? 0 : seq - 1;
    }

    int persons() {
        return persons.size();
    }

    /** Whether this state has reached the feed's head once: it holds the whole feed, not a part of its history. */
    boolean rebuilt() {
        return rebuilt;
    }

    /** A poll that began at {@code startedNanos} reached the feed's head. */
    void syncedAsOf(long startedNanos) {
        rebuilt = true;
        syncedAtNanos = startedNanos;
        synced = true;
    }

    boolean freshAt(long nowNanos, long boundNanos) {
        return synced && nowNanos - syncedAtNanos < boundNanos;
    }

    /** Nanos since the last poll that reached the head began, or empty before the first. */
    Optional<Long> sinceSyncNanos(long nowNanos) {
        return synced ? Optional.of(nowNanos - syncedAtNanos) : Optional.empty();
    }

    /**
     * The status of a person presented under several references: RESTRICTED when any of them refuses, empty (ask
     * account-risk-service) when any other cannot be judged here, CLEAR only when every one is clear.
     */
    Optional<RestrictionStatus> statusOf(List<String> customerRefs, Instant now) {
        boolean decidable = true;
        for (String customerRef : customerRefs) {
            Optional<RestrictionStatus> status = statusOf(customerRef, now);
            if (status.isEmpty()) {
                decidable = false;
            } else if (status.get() == RestrictionStatus.RESTRICTED) {
                return status;
            }
        }
        return decidable ? Optional.of(RestrictionStatus.CLEAR) : Optional.empty();
    }

    /** One reference's status from memory, or empty when the feed did not say enough to judge it here. */
    Optional<RestrictionStatus> statusOf(String customerRef, Instant now) {
        MirroredRestriction restriction = persons.get(customerRef);
        if (restriction == null) {
            return Optional.of(RestrictionStatus.CLEAR);
        }
        if (!restriction.decidable()) {
            return Optional.empty();
        }
        return Optional.of(restriction.refusesAt(now) ? RestrictionStatus.RESTRICTED : RestrictionStatus.CLEAR);
    }

    /**
     * Applies a page asked for with {@code after = askAfter()}; returns the number of new entries.
     *
     * @throws FeedRejectedException malformed (nothing applied) or diverged (rebuild from 0)
     */
    int apply(long after, FeedPage page) {
        List<FeedPage.Entry> fresh = newEntries(after, page);
        for (FeedPage.Entry entry : fresh) {
            if (RESTRICTION.equals(entry.objectType())) {
                applyRestriction(entry);
            }
        }
        if (!fresh.isEmpty()) {
            FeedPage.Entry last = fresh.get(fresh.size() - 1);
            lastObjectId = last.objectId();
            seq = last.seq();
        }
        return fresh.size();
    }

    /** Forgets persons whose NO_NEW_ACCOUNTS has ended: they refuse nothing any more. */
    void sweep(Instant now) {
        persons.values().removeIf(restriction -> restriction.spentAt(now));
    }

    private List<FeedPage.Entry> newEntries(long after, FeedPage page) {
        if (page == null || page.events() == null || page.next() == null || page.head() == null) {
            throw FeedRejectedException.malformed("a page without events, next or head");
        }
        List<FeedPage.Entry> entries = page.events();
        int from = 0;
        if (seq > 0) {
            FeedPage.Entry own = entries.isEmpty() ? null : entries.get(0);
            if (own == null || own.seq() == null || own.seq() != seq || !Objects.equals(own.objectId(), lastObjectId)) {
                throw FeedRejectedException.diverged("the feed no longer holds entry " + seq + " as it was applied");
            }
            from = 1;
        }
        List<FeedPage.Entry> fresh = new ArrayList<>(entries.size());
        long expected = seq + 1;
        for (FeedPage.Entry entry : entries.subList(from, entries.size())) {
            if (entry == null || entry.seq() == null || entry.seq() != expected) {
                throw FeedRejectedException.malformed("entry " + expected + " missing or out of order");
            }
            if (entry.objectType() == null || entry.objectId() == null) {
                throw FeedRejectedException.malformed("entry " + expected + " without objectType or objectId");
            }
            if (RESTRICTION.equals(entry.objectType())
                    && (!"PERSON".equals(entry.subjectType()) || entry.subjectRef() == null || entry.subjectRef().isBlank())) {
                throw FeedRejectedException.malformed("restriction entry " + expected + " without a person");
            }
            fresh.add(entry);
            expected++;
        }
        long lastSeq = entries.isEmpty() ? after : entries.get(entries.size() - 1).seq();
        if (page.next() != lastSeq || page.head() < lastSeq) {
            throw FeedRejectedException.malformed("next or head disagree with the entries");
        }
        if (fresh.isEmpty() && page.head() > lastSeq) {
            throw FeedRejectedException.malformed("head " + page.head() + " beyond the entries served (" + lastSeq + ")");
        }
        return fresh;
    }

    private void applyRestriction(FeedPage.Entry entry) {
        String person = entry.subjectRef();
        UUID listing = entry.objectId();
        if (RESTRICTED.equals(entry.change())) {
            persons.put(person, listed(entry));
        } else if (LIFTED.equals(entry.change())) {
            persons.computeIfPresent(person, (ref, current) -> current.isListing(listing) ? null : current);
        } else {
            persons.put(person, MirroredRestriction.undecidable(listing));
        }
    }

    /**
     * As the endpoint: refused while NO_NEW_ACCOUNTS is in force. Without measures, or without NO_NEW_ACCOUNTS but with
     * a measure this version does not know (which the endpoint may judge otherwise), the mirror cannot tell.
     */
    private static MirroredRestriction listed(FeedPage.Entry entry) {
        List<FeedPage.Measure> measures = entry.measures();
        if (measures == null || measures.isEmpty()
                || measures.stream().anyMatch(m -> m == null || m.measure() == null || m.validUntil() == null)) {
            return MirroredRestriction.undecidable(entry.objectId());
        }
        Instant noNewAccountsUntil = measures.stream()
                .filter(m -> PersonRestrictionView.NO_NEW_ACCOUNTS.equals(m.measure()))
                .map(FeedPage.Measure::validUntil).max(Instant::compareTo).orElse(null);
        if (noNewAccountsUntil == null && measures.stream().anyMatch(m -> !KNOWN_MEASURES.contains(m.measure()))) {
            return MirroredRestriction.undecidable(entry.objectId());
        }
        return MirroredRestriction.refusingUntil(entry.objectId(), noNewAccountsUntil);
    }
}
