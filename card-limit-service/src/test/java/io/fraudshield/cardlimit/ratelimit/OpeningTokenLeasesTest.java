package io.fraudshield.cardlimit.ratelimit;

import io.agroal.api.AgroalDataSource;
import io.fraudshield.common.problem.ProblemException;
import io.fraudshield.common.problem.ProblemType;
import io.fraudshield.localstack.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Leased opening tokens: each {@link OpeningTokenLeases} is one replica's (two on one database are two replicas); tiers
 * without refill, so every count is exact. A bank per test, so tests do not share a bucket.
 */
@QuarkusTest
class OpeningTokenLeasesTest {

    /** 100 tokens, none back: a lease of 5 (1/20 of the bucket). */
    static final OpeningRateConfig.Tier HUNDRED = new TestTier(100, 0);
    /** How long a decision waits for another's draw of its bank's lease. */
    static final Duration WAIT = Duration.ofSeconds(5);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    OpeningRateConfig config;

    record TestTier(int bucketSize, int refillPerMinute) implements OpeningRateConfig.Tier {
    }

    @Test
    void aReplicaDrawsALeaseAndSpendsItWithoutARoundTrip() {
        String bank = bank();
        OpeningTokenLeases replica = new OpeningTokenLeases(dataSource, 10, Duration.ofMinutes(1), 1, WAIT);
        assertTrue(replica.take(bank, HUNDRED));
        assertEquals(95, tokensInRow(bank), "the first decision draws a lease of 5 from the bank's row");
        for (int i = 0; i < 4; i++) {
            assertTrue(replica.take(bank, HUNDRED));
        }
        assertEquals(95, tokensInRow(bank), "the next 4 are spent from the lease: the row is not touched");
        assertTrue(replica.take(bank, HUNDRED));
        assertEquals(90, tokensInRow(bank), "the 6th draws the next lease");
    }

    @Test
    void twoReplicasTogetherServeExactlyTheBucketNeverMore() throws Exception {
        String bank = bank();
        OpeningTokenLeases one = new OpeningTokenLeases(dataSource, 10, Duration.ofMinutes(1), 1, WAIT);
        OpeningTokenLeases two = new OpeningTokenLeases(dataSource, 10, Duration.ofMinutes(1), 1, WAIT);
        // 16 threads per replica, each deciding until its replica's lease and the bank's row are both empty
        AtomicInteger served = new AtomicInteger();
        race(32, i -> {
            OpeningTokenLeases replica = i % 2 == 0 ? one : two;
            while (replica.take(bank, HUNDRED)) {
                served.incrementAndGet();
            }
        });
        assertEquals(100, served.get(), "both replicas together: the bucket, exactly");
        assertEquals(0, tokensInRow(bank));
        assertFalse(one.take(bank, HUNDRED));
        assertFalse(two.take(bank, HUNDRED));
    }

    @Test
    void concurrentRequestsOnOneReplicaSpendEachLeasedTokenOnce() throws Exception {
        String bank = bank();
        OpeningTokenLeases replica = new OpeningTokenLeases(dataSource, 10, Duration.ofMinutes(1), 1, WAIT);
        // 64 requests at once, 4 decisions each, against 50 tokens drawn 2 at a time
        AtomicInteger served = new AtomicInteger();
        race(64, i -> {
            for (int n = 0; n < 4; n++) {
                if (replica.take(bank, new TestTier(50, 0))) {
                    served.incrementAndGet();
                }
            }
        });
        assertEquals(50, served.get());
        assertEquals(0, tokensInRow(bank));
    }

    @Test
    void aReplicaThatDiesLosesAtMostItsLease() {
        String bank = bank();
        OpeningTokenLeases dying = new OpeningTokenLeases(dataSource, 10, Duration.ofMinutes(1), 1, WAIT);
        assertTrue(dying.take(bank, HUNDRED)); // holds 4 more when it dies
        OpeningTokenLeases restarted = new OpeningTokenLeases(dataSource, 10, Duration.ofMinutes(1), 1, WAIT);
        int served = 1;
        while (restarted.take(bank, HUNDRED)) {
            served++;
        }
        assertEquals(96, served, "the bucket less the dead replica's unspent lease (4), never more");
    }

    @Test
    void whatALeaseThatJustRanOutDidNotSpendGoesBackWithTheNextDraw() throws Exception {
        String bank = bank();
        OpeningTokenLeases replica = new OpeningTokenLeases(dataSource, 10, Duration.ofSeconds(1), 1, WAIT);
        assertTrue(replica.take(bank, HUNDRED));
        assertEquals(95, tokensInRow(bank));
        Thread.sleep(1_200); // ran out 0.2 s ago: within one lease-for
        assertTrue(replica.take(bank, HUNDRED), "an expired lease is not spent: a new one is drawn");
        assertEquals(95 + 4 - 5, tokensInRow(bank), "the 4 unspent came back, 5 were drawn");
        int served = 2;
        while (replica.take(bank, HUNDRED)) {
            served++;
        }
        assertEquals(100, served, "nothing lost while the replica keeps deciding");
    }

    @Test
    void anIdleReplicaCannotSaveItsLeaseAndAddItToTheBucketLater() throws Exception {
        String bank = bank();
        OpeningTokenLeases idle = new OpeningTokenLeases(dataSource, 10, Duration.ofMillis(100), 1, WAIT);
        assertTrue(idle.take(bank, HUNDRED)); // keeps 4
        Thread.sleep(400); // ran out 0.3 s ago: more than one lease-for
        // meanwhile the bucket refilled to full, and another replica spent it all but 10
        TestSql.execute(dataSource, "update opening_rate_bucket set tokens = 10 where bank = '" + bank + "'");
        assertTrue(idle.take(bank, HUNDRED));
        assertEquals(5, tokensInRow(bank), "the 4 saved tokens are lost, not added to the bucket: 10 - 5 drawn");
    }

    @Test
    void allReplicasLeasesTogetherStayUnderATwentiethOfTheBucketSoSmallBucketsDrawPerDecision() {
        assertEquals(10, config.leaseSize());
        assertEquals(20, config.maxReplicas());
        OpeningTokenLeases fleet = new OpeningTokenLeases(dataSource, config.leaseSize(), config.leaseFor(), config.maxReplicas(), config.leaseWait());
        assertEquals(1, fleet.leaseOf(config.tiers().get("test-scan")), "20 tokens: one round trip per decision");
        assertEquals(1, fleet.leaseOf(config.tiers().get("small")));
        assertEquals(1, fleet.leaseOf(config.tiers().get("standard")), "300 / (20 × 20 replicas) < 1");
        assertEquals(7, fleet.leaseOf(config.tiers().get("national")), "3,000 / 400: 20 replicas hold at most 120 of 3,000");
        OpeningTokenLeases alone = new OpeningTokenLeases(dataSource, config.leaseSize(), config.leaseFor(), 1, config.leaseWait());
        assertEquals(5, alone.leaseOf(config.tiers().get("small")));
        assertEquals(10, alone.leaseOf(config.tiers().get("standard")));
    }

    @Test
    void aLeaseThatIsNeverSpendableIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new OpeningTokenLeases(dataSource, 10, Duration.ZERO, 1, WAIT));
        assertThrows(IllegalArgumentException.class, () -> new OpeningTokenLeases(dataSource, 10, Duration.ofSeconds(1), 0, WAIT));
    }

    @Test
    void aDecisionWaitingBehindAStalledDrawOfItsBankAnswers503InsteadOfQueueingBehindIt() throws Exception {
        String bank = bank();
        OpeningTokenLeases replica = new OpeningTokenLeases(dataSource, 1, Duration.ofMinutes(1), 1, Duration.ofMillis(200));
        assertTrue(replica.take(bank, HUNDRED), "creates the bank's row and spends the lease of one");
        ExecutorService requests = Executors.newFixedThreadPool(2);
        try (Connection stall = dataSource.getConnection()) {
            stall.setAutoCommit(false);
            try (PreparedStatement lockRow = stall.prepareStatement(
                    "select tokens from opening_rate_bucket where bank = ? for update")) {
                lockRow.setString(1, bank);
                lockRow.executeQuery().close();
            }
            Future<Boolean> drawing = requests.submit(() -> replica.take(bank, HUNDRED));
            awaitADrawWaitingOnTheRow();
            Future<Boolean> next = requests.submit(() -> replica.take(bank, HUNDRED));
            ExecutionException refused = assertThrows(ExecutionException.class, () -> next.get(20, TimeUnit.SECONDS),
                    "answered while the draw is still stalled, not queued behind it");
            ProblemException problem = assertInstanceOf(ProblemException.class, refused.getCause());
            assertEquals(ProblemType.UNAVAILABLE, problem.type());
            assertEquals("1", problem.headers().get("Retry-After"));
            assertFalse(drawing.isDone(), "the stalled draw is still waiting on the row");
            stall.rollback();
            assertTrue(drawing.get(20, TimeUnit.SECONDS), "once the row is free, the draw completes");
        } finally {
            requests.shutdownNow();
        }
    }

    private void awaitADrawWaitingOnTheRow() throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (TestSql.number(dataSource, "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                    + " and query like '%opening_rate_bucket%for update%' and pid <> pg_backend_pid()") > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the draw never waited on the row");
    }

    private long tokensInRow(String bank) {
        return TestSql.number(dataSource, "select tokens::bigint from opening_rate_bucket where bank = ?", bank);
    }

    private static String bank() {
        return "L" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    interface Work {
        void run(int index) throws Exception;
    }

    private static void race(int threads, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    work.run(index);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
