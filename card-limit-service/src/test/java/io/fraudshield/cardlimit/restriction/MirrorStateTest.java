package io.fraudshield.cardlimit.restriction;

import io.fraudshield.cardlimit.rules.RestrictionStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mirror's state judged as account-risk-service's endpoint judges, and its refusal of pages it cannot trust. */
class MirrorStateTest {

    private static final Instant NOW = Instant.parse("2026-11-30T04:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(86_400);
    private static final Instant EARLIER = NOW.minusSeconds(1);

    private final MirrorState state = new MirrorState();
    private final List<FeedPage.Entry> feed = new ArrayList<>();

    @Test
    void aPersonIsRefusedExactlyWhileNoNewAccountsIsInForce() {
        append(listing("a", UUID.randomUUID(), "RESTRICTED", measures(LATER, LATER)));
        append(listing("b", UUID.randomUUID(), "RESTRICTED", measures(EARLIER, LATER)));
        append(listing("c", UUID.randomUUID(), "RESTRICTED", List.of(new FeedPage.Measure("NON_COUNTER_SUSPENDED", LATER))));
        append(listing("d", UUID.randomUUID(), "RESTRICTED", measures(NOW, LATER)));
        catchUp();
        assertEquals(Optional.of(RestrictionStatus.RESTRICTED), state.statusOf("a", NOW));
        assertEquals(Optional.of(RestrictionStatus.CLEAR), state.statusOf("a", LATER));
        assertEquals(Optional.of(RestrictionStatus.CLEAR), state.statusOf("b", NOW), "NO_NEW_ACCOUNTS over, NON_COUNTER not");
        assertEquals(Optional.of(RestrictionStatus.CLEAR), state.statusOf("c", NOW));
        assertEquals(Optional.of(RestrictionStatus.CLEAR), state.statusOf("d", NOW), "the end is exclusive");
        assertEquals(Optional.of(RestrictionStatus.RESTRICTED), state.statusOf("d", NOW.minusMillis(1)));
        assertEquals(Optional.of(RestrictionStatus.CLEAR), state.statusOf("nobody", NOW));
        state.sweep(NOW);
        assertEquals(1, state.persons(), "only the person still refused is kept");
    }

    @Test
    void onlyTheListingInForceIsLiftedByItsOwnLifting() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        append(listing("p", first, "RESTRICTED", measures(LATER, LATER)));
        append(listing("p", second, "RESTRICTED", measures(LATER, LATER)));
        append(listing("p", first, "LIFTED", null));
        catchUp();
        assertEquals(Optional.of(RestrictionStatus.RESTRICTED), state.statusOf("p", NOW));
        append(listing("p", second, "LIFTED", null));
        catchUp();
        assertEquals(Optional.of(RestrictionStatus.CLEAR), state.statusOf("p", NOW));
    }

    @Test
    void whatTheFeedDoesNotSayEnoughAboutIsLeftToAccountRisk() {
        append(listing("no-measures", UUID.randomUUID(), "RESTRICTED", null));
        append(listing("empty-measures", UUID.randomUUID(), "RESTRICTED", List.of()));
        append(listing("half-measure", UUID.randomUUID(), "RESTRICTED", List.of(new FeedPage.Measure("NO_NEW_ACCOUNTS", null))));
        append(listing("new-change", UUID.randomUUID(), "SUSPENDED_BY_COURT", measures(LATER, LATER)));
        catchUp();
        for (String person : List.of("no-measures", "empty-measures", "half-measure", "new-change")) {
            assertEquals(Optional.empty(), state.statusOf(person, NOW), person);
        }
    }

    @Test
    void aPersonUnderSeveralReferencesIsRefusedByAnyClearOnlyByAllAndUndecidedByAnyUnknown() {
        append(listing("listed", UUID.randomUUID(), "RESTRICTED", measures(LATER, LATER)));
        append(listing("undecidable", UUID.randomUUID(), "RESTRICTED", null));
        catchUp();
        assertEquals(Optional.of(RestrictionStatus.RESTRICTED), state.statusOf(List.of("nobody", "listed"), NOW));
        assertEquals(Optional.of(RestrictionStatus.RESTRICTED), state.statusOf(List.of("undecidable", "listed"), NOW));
        assertEquals(Optional.empty(), state.statusOf(List.of("nobody", "undecidable"), NOW));
        assertEquals(Optional.of(RestrictionStatus.CLEAR), state.statusOf(List.of("nobody", "nobody-else"), NOW));
    }

    @Test
    void aListingWithAnUnknownMeasureAndNoNoNewAccountsIsLeftToAccountRisk() {
        append(listing("unknown-only", UUID.randomUUID(), "RESTRICTED",
                List.of(new FeedPage.Measure("NO_CREDIT", LATER), new FeedPage.Measure("NON_COUNTER_SUSPENDED", LATER))));
        append(listing("unknown-and-refused", UUID.randomUUID(), "RESTRICTED",
                List.of(new FeedPage.Measure("NO_CREDIT", LATER), new FeedPage.Measure("NO_NEW_ACCOUNTS", LATER))));
        append(listing("known-only", UUID.randomUUID(), "RESTRICTED", List.of(new FeedPage.Measure("NON_COUNTER_SUSPENDED", LATER))));
        catchUp();
        assertEquals(Optional.empty(), state.statusOf("unknown-only", NOW));
        assertEquals(Optional.of(RestrictionStatus.RESTRICTED), state.statusOf("unknown-and-refused", NOW));
        assertEquals(Optional.of(RestrictionStatus.CLEAR), state.statusOf("known-only", NOW));
    }

    @Test
    void aPageWithoutHeadOrWithNothingNewBelowItsHeadIsRefused() {
        append(listing("p", UUID.randomUUID(), "RESTRICTED", measures(LATER, LATER)));
        catchUp();
        FeedPage.Entry own = feed.get(0);
        assertThrows(FeedRejectedException.class, () -> state.apply(0, new FeedPage(List.of(own), 1L, null)));
        assertThrows(FeedRejectedException.class, () -> state.apply(0, new FeedPage(List.of(own), 1L, 2L)),
                "the feed says entry 2 is committed but served nothing after 1");
        assertEquals(1, state.seq());
    }

    @Test
    void aMalformedPageChangesNothingAndALostTailIsADivergence() {
        append(listing("p", UUID.randomUUID(), "RESTRICTED", measures(LATER, LATER)));
        catchUp();
        FeedPage.Entry own = feed.get(0);
        FeedPage.Entry lift = new FeedPage.Entry(2L, "RESTRICTION", own.objectId(), "PERSON", "p", "LIFTED", null);
        FeedPage.Entry gap = new FeedPage.Entry(3L, "RESTRICTION", own.objectId(), "PERSON", "p", "LIFTED", null);
        FeedPage.Entry noPerson = new FeedPage.Entry(2L, "RESTRICTION", own.objectId(), "ACCOUNT", "p", "LIFTED", null);
        for (FeedPage page : List.of(new FeedPage(List.of(own, gap), 3L, 3L), new FeedPage(List.of(own, lift), 5L, 5L),
                new FeedPage(List.of(own, lift), 2L, 1L), new FeedPage(null, 1L, 1L), new FeedPage(List.of(own, lift), null, 2L),
                new FeedPage(List.of(own, noPerson), 2L, 2L))) {
            FeedRejectedException e = assertThrows(FeedRejectedException.class, () -> state.apply(0, page));
            assertTrue(!e.diverged(), page.toString());
            assertEquals(1, state.seq());
            assertEquals(Optional.of(RestrictionStatus.RESTRICTED), state.statusOf("p", NOW));
        }
        FeedPage.Entry rewritten = new FeedPage.Entry(1L, "MARKER", UUID.randomUUID(), "ACCOUNT", "x", "CREATED", null);
        assertTrue(assertThrows(FeedRejectedException.class, () -> state.apply(0, new FeedPage(List.of(), 0L, 0L))).diverged());
        assertTrue(assertThrows(FeedRejectedException.class,
                () -> state.apply(0, new FeedPage(List.of(lift, own), 1L, 2L))).diverged(), "not the entry applied last first");
        assertTrue(assertThrows(FeedRejectedException.class,
                () -> state.apply(0, new FeedPage(List.of(rewritten), 1L, 1L))).diverged());
        assertEquals(Optional.of(RestrictionStatus.RESTRICTED), state.statusOf("p", NOW));
    }

    private void catchUp() {
        while (true) {
            long after = state.askAfter();
            List<FeedPage.Entry> page = feed.subList((int) after, Math.min(feed.size(), (int) after + 2));
            long next = page.isEmpty() ? after : page.get(page.size() - 1).seq();
            state.apply(after, new FeedPage(List.copyOf(page), next, (long) feed.size()));
            if (page.size() < 2) {
                return;
            }
        }
    }

    private void append(FeedPage.Entry withoutSeq) {
        feed.add(new FeedPage.Entry((long) feed.size() + 1, withoutSeq.objectType(), withoutSeq.objectId(),
                withoutSeq.subjectType(), withoutSeq.subjectRef(), withoutSeq.change(), withoutSeq.measures()));
    }

    private static FeedPage.Entry listing(String person, UUID id, String change, List<FeedPage.Measure> measures) {
        return new FeedPage.Entry(null, "RESTRICTION", id, "PERSON", person, change, measures);
    }

    private static List<FeedPage.Measure> measures(Instant noNewAccounts, Instant nonCounter) {
        return List.of(new FeedPage.Measure("NO_NEW_ACCOUNTS", noNewAccounts),
                new FeedPage.Measure("NON_COUNTER_SUSPENDED", nonCounter));
    }
}
