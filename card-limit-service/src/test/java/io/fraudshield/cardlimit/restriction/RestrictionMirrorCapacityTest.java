package io.fraudshield.cardlimit.restriction;

import io.fraudshield.cardlimit.rules.RestrictionStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mirror's poll against a feed held in this test (no container): a cap on the persons it holds, the ended
 * listings a replay from seq 0 brings back, and "in step" meaning the page reached the head read with it.
 */
class RestrictionMirrorCapacityTest {

    private static final Instant NOW = Instant.now();
    private static final Instant LATER = NOW.plus(Duration.ofDays(365));
    private static final Instant ENDED = NOW.minus(Duration.ofDays(1));

    private final List<FeedPage.Entry> entries = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    /** The most entries the stub feed serves a page, whatever the limit asked (a server's own cap). */
    private int servedPerPage = 1000;

    @Test
    void aMirrorOverItsCapDropsItsStateAndOpeningsAskAccountRisk() {
        for (int i = 0; i < 5; i++) {
            listed("p" + i, LATER);
        }
        RestrictionMirror mirror = mirror(3);
        mirror.poll();
        assertTrue(mirror.overCapacity());
        assertEquals(0, mirror.persons(), "the state is dropped, not kept growing");
        assertFalse(mirror.fresh());
        assertEquals(Optional.empty(), mirror.statusOf(List.of("p0")), "no answer from the mirror: account-risk is asked");
        assertEquals(1.0, registry.get("fraudshield.restriction.mirror.over.capacity").gauge().value());
        mirror.poll();
        assertEquals(0, mirror.persons(), "no rebuild before the retry delay");
    }

    @Test
    void endedListingsReplayedFromSeqZeroAreSweptSoTheyNeitherCountAgainstTheCapNorStay() {
        for (int i = 0; i < 3; i++) {
            listed("ended" + i, ENDED);
        }
        listed("in-force-1", LATER);
        listed("in-force-2", LATER);
        RestrictionMirror capped = mirror(3);
        capped.poll();
        assertFalse(capped.overCapacity());
        assertEquals(2, capped.persons());
        assertEquals(Optional.of(RestrictionStatus.RESTRICTED), capped.statusOf(List.of("in-force-2")));

        RestrictionMirror roomy = mirror(100);
        roomy.poll();
        assertEquals(2, roomy.persons(), "a rebuild ends with a sweep, not ten minutes later");
        assertEquals(0.0, registry.get("fraudshield.restriction.mirror.over.capacity").gauge().value());
    }

    @Test
    void aShortPageIsNotTheHeadUnlessItsNextIsTheHeadReadWithIt() {
        servedPerPage = 2;
        for (int i = 0; i < 4; i++) {
            listed("p" + i, LATER);
        }
        RestrictionMirror mirror = mirror(100);
        mirror.poll();
        assertTrue(mirror.fresh());
        assertEquals(4, mirror.seq(), "followed to the head although the first page was short");
        assertEquals(Optional.of(RestrictionStatus.RESTRICTED), mirror.statusOf(List.of("p3")));
    }

    private void listed(String person, Instant noNewAccountsUntil) {
        entries.add(new FeedPage.Entry((long) entries.size() + 1, "RESTRICTION", UUID.randomUUID(), "PERSON", person,
                "RESTRICTED", List.of(new FeedPage.Measure("NO_NEW_ACCOUNTS", noNewAccountsUntil))));
    }

    private FeedPage page(long after, int limit) {
        int from = (int) after;
        int to = Math.min(entries.size(), from + Math.min(limit, servedPerPage));
        List<FeedPage.Entry> events = List.copyOf(entries.subList(Math.min(from, to), to));
        return new FeedPage(events, events.isEmpty() ? after : events.get(events.size() - 1).seq(), (long) entries.size());
    }

    private RestrictionMirror mirror(int maxPersons) {
        registry.clear();
        return new RestrictionMirror(this::page, () -> NOW, new RestrictionMirrorConfig() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public Duration pollEvery() {
                return Duration.ofMillis(250);
            }

            @Override
            public Duration freshness() {
                return Duration.ofMinutes(1);
            }

            @Override
            public int pageSize() {
                return 1000;
            }

            @Override
            public int maxPersons() {
                return maxPersons;
            }
        }, new RestrictionMirrorMetrics(registry));
    }
}
