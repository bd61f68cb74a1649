package io.fraudshield.common.outbox;

import io.agroal.api.AgroalDataSource;
import io.fraudshield.localstack.TestSql;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kernel outbox against real PostgreSQL and a real HTTP receiver; every test leaves its messages settled. */
@QuarkusTest
class OutboxRelayTest {

    @Inject
    Outbox outbox;
    @Inject
    OutboxRelay relay;
    @Inject
    OutboxStore store;
    @Inject
    MeterRegistry registry;
    @Inject
    AgroalDataSource dataSource;

    private final ProbeReceiver receiver = ProbeReceiver.get();

    @Test
    void aMessageIsWrittenOnlyWithTheTransactionThatCausedIt() {
        String aggregate = aggregate("tx");
        assertThrows(TransactionalException.class, () -> outbox.enqueue(aggregate, "probe.test", ProbeDelivery.DESTINATION, "{}"),
                "outside a transaction there is nothing to be atomic with");
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.enqueue(aggregate, "probe.test", ProbeDelivery.DESTINATION, "{}");
            throw new IllegalStateException("the change fails");
        }));
        assertEquals(0, TestSql.number(dataSource, "select count(*) from outbox where aggregate = ?", aggregate));
    }

    @Test
    void messagesOfOneAggregateArriveInTheOrderTheyWereWrittenEvenAcrossARetry() throws SQLException {
        String aggregate = aggregate("order");
        String other = aggregate("order-other");
        receiver.answer(aggregate, 503);
        enqueue(aggregate, "{\"n\":1}");
        enqueue(aggregate, "{\"n\":2}");
        enqueue(other, "{\"n\":1}");
        enqueue(aggregate, "{\"n\":3}");

        relay.relayDue();
        assertEquals(List.of("{\"n\":1}"), payloads(receiver.receivedFor(aggregate)), "2 and 3 wait while 1 is pending");
        assertEquals(1, receiver.receivedFor(other).size(), "another aggregate does not wait");

        makeDue(aggregate);
        relay.relayDue();
        List<ProbeReceiver.Received> received = receiver.receivedFor(aggregate);
        assertEquals(List.of("{\"n\":1}", "{\"n\":1}", "{\"n\":2}", "{\"n\":3}"), payloads(received));
        assertEquals(received.get(0).messageId(), received.get(1).messageId(), "a retry carries the same Message-Id");
        assertEquals(3, received.stream().map(ProbeReceiver.Received::messageId).distinct().count());
        assertEquals(0, pending(aggregate));
    }

    @Test
    void twoRelaysRacingNeverDeliverOneClaimTwice() throws Exception {
        String prefix = aggregate("race");
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ids.add(enqueue(prefix + "-" + i, "{\"i\":" + i + "}"));
        }
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService relays = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                runs.add(relays.submit(() -> {
                    start.await();
                    return relay.relayDue();
                }));
            }
            int delivered = runs.get(0).get(60, TimeUnit.SECONDS) + runs.get(1).get(60, TimeUnit.SECONDS);
            assertEquals(60, delivered);
        } finally {
            relays.shutdownNow();
        }
        Map<String, Long> perMessage = receiver.receivedFor(prefix + "-").stream()
                .collect(Collectors.groupingBy(ProbeReceiver.Received::messageId, Collectors.counting()));
        assertEquals(ids.stream().map(UUID::toString).collect(Collectors.toSet()), perMessage.keySet());
        assertTrue(perMessage.values().stream().allMatch(count -> count == 1), "each message sent once: " + perMessage);
    }

    @Test
    void aCrashedRelaysMessagesComeBackWhenItsLeaseRunsOutAndItsLateOutcomeIsIgnored() throws Exception {
        String aggregate = aggregate("crash");
        UUID id = enqueue(aggregate, "{}");
        UUID crashed = UUID.randomUUID();
        List<OutboxMessage> claimed = store.claim(crashed, 100, Duration.ofMillis(500));
        assertTrue(claimed.stream().anyMatch(m -> m.id().equals(id)));

        relay.relayDue();
        assertEquals(0, receiver.receivedFor(aggregate).size(), "claimed by the crashed relay until its lease ends");

        Thread.sleep(700);
        assertEquals(1, relay.relayDue());
        assertEquals(1, receiver.receivedFor(aggregate).size());
        assertFalse(store.markDead(id, crashed, "the crashed relay wakes up"), "its lease is gone");
        assertEquals("DELIVERED", status(id));
        assertEquals(2, TestSql.number(dataSource, "select attempts from outbox where id = ?", id),
                "the crashed claim counts as an attempt, so a message that kills relays ends as a dead letter");
    }

    @Test
    void aMessageBecomesADeadLetterAfterTheAttemptLimitAndHoldsItsAggregateBackUntilResent() throws SQLException {
        String aggregate = aggregate("dead");
        double deadBefore = counter("fraudshield.outbox.dead.lettered");
        double retriedBefore = counter("fraudshield.outbox.retried");
        double deliveredBefore = counter("fraudshield.outbox.delivered");
        receiver.answer(aggregate, 503, 500, 503);
        UUID first = enqueue(aggregate, "{\"n\":1}");
        UUID second = enqueue(aggregate, "{\"n\":2}");

        relay.relayDue();
        assertEquals("PENDING", status(first));
        assertTrue(TestSql.number(dataSource, "select count(*) from outbox where id = ? and next_attempt_at > now()",
                first) == 1, "the retry waits for its back-off");
        relay.relayDue();
        assertEquals(1, receiver.receivedFor(aggregate).size(), "nothing is sent again before the back-off ends");
        makeDue(aggregate);
        relay.relayDue();
        makeDue(aggregate);
        relay.relayDue();

        assertEquals("DEAD", status(first));
        assertEquals("HTTP 503 (attempt 3, the last)",
                TestSql.text(dataSource, "select last_error from outbox where id = ?", first));
        relay.relayDue();
        assertEquals("PENDING", status(second), "a later message never overtakes a dead letter of its aggregate");
        assertEquals(List.of("{\"n\":1}", "{\"n\":1}", "{\"n\":1}"), payloads(receiver.receivedFor(aggregate)));
        assertEquals(deadBefore + 1, counter("fraudshield.outbox.dead.lettered"));
        assertEquals(retriedBefore + 2, counter("fraudshield.outbox.retried"));
        assertEquals(TestSql.number(dataSource, "select count(*) from outbox where status = 'PENDING'"),
                registry.get("fraudshield.outbox.pending").gauge().value());
        assertEquals(TestSql.number(dataSource, "select count(*) from outbox where status = 'DEAD'"),
                registry.get("fraudshield.outbox.dead").gauge().value());
        assertTrue(registry.get("fraudshield.outbox.dead").gauge().value() >= 1);

        // the operator resends the dead letter (docs: the SQL in the kernel outbox migration); order resumes
        TestSql.execute(dataSource, "update outbox set status = 'PENDING', attempts = 0, dead_at = null,"
                + " next_attempt_at = now() where id = '" + first + "'");
        relay.relayDue();
        relay.relayDue();
        assertEquals("DELIVERED", status(first));
        assertEquals("DELIVERED", status(second));
        assertEquals(List.of("{\"n\":1}", "{\"n\":1}", "{\"n\":1}", "{\"n\":1}", "{\"n\":2}"),
                payloads(receiver.receivedFor(aggregate)));
        assertEquals(deliveredBefore + 2, counter("fraudshield.outbox.delivered"));
    }

    @Test
    void aClientErrorIsADeadLetterAtOnceButTimeoutsAndTooManyRequestsAreRetried() throws SQLException {
        String refused = aggregate("refused");
        String throttled = aggregate("throttled");
        receiver.answer(refused, 422);
        receiver.answer(throttled, 429, 408);
        UUID refusedId = enqueue(refused, "{}");
        UUID throttledId = enqueue(throttled, "{}");

        relay.relayDue();
        assertEquals("DEAD", status(refusedId));
        assertEquals(1, TestSql.number(dataSource, "select attempts from outbox where id = ?", refusedId));
        assertEquals("PENDING", status(throttledId));
        makeDue(throttled);
        relay.relayDue();
        assertEquals("PENDING", status(throttledId));
        makeDue(throttled);
        relay.relayDue();
        assertEquals("DELIVERED", status(throttledId));
        assertEquals(List.of(429, 408, 200), receiver.receivedFor(throttled).stream().map(ProbeReceiver.Received::answered).toList());
    }

    @Test
    void noRowIsLockedAndNoTransactionIsOpenWhileTheReceiverIsCalled() throws Exception {
        String aggregate = aggregate("slow");
        UUID id = enqueue(aggregate, "{}");
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        receiver.hold(aggregate, arrived, release);
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> run = background.submit(relay::relayDue);
            assertTrue(arrived.await(20, TimeUnit.SECONDS), "the receiver got the call");
            // NOWAIT fails at once with 55P03 if anyone holds a lock on the row
            assertEquals(id.toString(), TestSql.text(dataSource, "select id from outbox where id = ? for update nowait", id));
            TestSql.execute(dataSource, "set lock_timeout = '1s'",
                    "update outbox set last_error = 'edited while in flight' where id = '" + id + "'",
                    "reset lock_timeout");
            assertEquals(0, TestSql.number(dataSource, "select count(*) from pg_stat_activity"
                    + " where datname = current_database() and state like 'idle in transaction%'"));
            release.countDown();
            assertEquals(1, run.get(20, TimeUnit.SECONDS));
        } finally {
            release.countDown();
            background.shutdownNow();
        }
        assertEquals("DELIVERED", status(id));
    }

    @Test
    void deliveredMessagesAreDeletedAfterTheRetentionAndDeadLettersStay() throws SQLException {
        String aggregate = aggregate("purge");
        receiver.answer(aggregate, 200, 200, 400);
        UUID old = enqueue(aggregate, "{\"n\":1}");
        UUID recent = enqueue(aggregate, "{\"n\":2}");
        UUID dead = enqueue(aggregate, "{\"n\":3}");
        relay.relayDue();
        TestSql.execute(dataSource, "update outbox set delivered_at = now() - interval '8 days' where id = '" + old + "'",
                "update outbox set dead_at = now() - interval '8 days' where id = '" + dead + "'");

        assertTrue(store.purgeDelivered(Duration.ofDays(7)) >= 1);
        assertEquals(0, TestSql.number(dataSource, "select count(*) from outbox where id = ?", old));
        assertEquals("DELIVERED", status(recent));
        assertEquals("DEAD", status(dead));
    }

    private static String aggregate(String what) {
        return what + "-" + UUID.randomUUID();
    }

    private UUID enqueue(String aggregate, String payload) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.enqueue(aggregate, "probe.test", ProbeDelivery.DESTINATION, payload));
    }

    private void makeDue(String aggregate) throws SQLException {
        TestSql.execute(dataSource, "update outbox set next_attempt_at = now() where aggregate = '" + aggregate + "'");
    }

    private String status(UUID id) {
        return TestSql.text(dataSource, "select status from outbox where id = ?", id);
    }

    private long pending(String aggregate) {
        return TestSql.number(dataSource, "select count(*) from outbox where aggregate = ? and status = 'PENDING'", aggregate);
    }

    private double counter(String name) {
        return registry.counter(name, "destination", ProbeDelivery.DESTINATION).count();
    }

    private static List<String> payloads(List<ProbeReceiver.Received> received) {
        return received.stream().map(ProbeReceiver.Received::payload).toList();
    }
}
