package io.fraudshield.cardlimit.stock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hand-over rules of {@link StockChunkApplier} without a database: what each chunk sees of the one before it,
 * how many run at once, and what a failure does to the chunks after it. (The database side — advisory locks, commit
 * status, row locks — is {@code StockChunkPipelineTest}'s.)
 */
class StockChunkApplierTest {

    private static final RuntimeException LOST_RACE = new IllegalStateException("lost a race");

    @Test
    void aChunkOverlapsTheOneBeforeOnlyOnceThatOneHoldsItsLocksAndSeesItsCommittedResult() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        CountDownLatch secondStarted = new CountDownLatch(1);
        try (StockChunkApplier<Integer> applier = new StockChunkApplier<>(0, e -> false, 4)) {
            applier.apply(Set.of("card-1"), turn -> {
                log.add("1 locking");
                turn.locked();
                await(secondStarted); // the second chunk runs while this one still works
                log.add("1 committed");
                return 1;
            });
            applier.apply(Set.of("card-2"), turn -> {
                log.add("2 started");
                secondStarted.countDown();
                int before = turn.predecessor();
                log.add("2 saw " + before);
                return before + 1;
            });
            applier.awaitApplied();
        }
        assertEquals(List.of("1 locking", "2 started", "1 committed", "2 saw 1"), log);
    }

    @Test
    void aChunkReportingACardOfTheChunkBeforeStartsOnlyOnceThatOneCommitted() {
        List<String> log = new CopyOnWriteArrayList<>();
        try (StockChunkApplier<Integer> applier = new StockChunkApplier<>(0, e -> false, 4)) {
            applier.apply(Set.of("card-1", "card-2"), turn -> {
                turn.locked();
                sleep(200);
                log.add("1 committed");
                return 1;
            });
            applier.apply(Set.of("card-2"), turn -> {
                log.add("2 started");
                return turn.predecessor() + 1;
            });
            applier.awaitApplied();
        }
        assertEquals(List.of("1 committed", "2 started"), log);
    }

    @Test
    void atMostTwoChunksAreAppliedAtOnce() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        try (StockChunkApplier<Integer> applier = new StockChunkApplier<>(0, e -> false, 4)) {
            for (int chunk = 1; chunk <= 8; chunk++) {
                String card = "card-" + chunk;
                applier.apply(Set.of(card), turn -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    turn.locked();
                    sleep(50);
                    int before = turn.predecessor();
                    running.decrementAndGet();
                    return before + 1;
                });
            }
            applier.awaitApplied();
        }
        assertEquals(2, most.get());
    }

    @Test
    void aChunkThatFailsFailsTheChunkAfterItWhichNeverCommitsAndTheNextHandOver() {
        AtomicInteger committed = new AtomicInteger();
        CountDownLatch secondWaiting = new CountDownLatch(1);
        StockChunkApplier<Integer> applier = new StockChunkApplier<>(0, e -> false, 4);
        applier.apply(Set.of("card-1"), turn -> {
            turn.locked();
            await(secondWaiting);
            throw new IllegalStateException("connection killed");
        });
        applier.apply(Set.of("card-2"), turn -> {
            secondWaiting.countDown();
            // as the database answers when the predecessor's transaction ended without committing
            if (!turn.predecessorCommitted()) {
                sleep(100);
                throw new StockChunkApplier.PredecessorNotCommitted();
            }
            committed.incrementAndGet();
            return turn.predecessor() + 1;
        });
        RuntimeException failed = assertThrows(RuntimeException.class,
                () -> applier.apply(Set.of("card-3"), turn -> committed.incrementAndGet()));
        assertTrue(failed.getMessage().contains("connection killed")
                || failed.getCause() != null && failed.getCause().getMessage().contains("connection killed"), failed.toString());
        applier.close();
        assertEquals(0, committed.get(), "nothing after the failed chunk committed");
    }

    @Test
    void aChunkThatLostARaceIsAppliedAgainAfterItsPredecessorAndCommitsInOrder() {
        List<String> log = new CopyOnWriteArrayList<>();
        AtomicInteger attempts = new AtomicInteger();
        try (StockChunkApplier<Integer> applier = new StockChunkApplier<>(0, e -> e == LOST_RACE, 4)) {
            applier.apply(Set.of("card-1"), turn -> {
                turn.locked();
                sleep(150);
                log.add("1 committed");
                return 1;
            });
            applier.apply(Set.of("card-2"), turn -> {
                if (attempts.incrementAndGet() == 1) {
                    throw LOST_RACE; // e.g. a deadlock PostgreSQL broke by rolling this chunk back
                }
                // recorded, not asserted here: a failure inside a chunk fails the chunk, the assertions are below
                log.add("2 committed after " + turn.predecessor()
                        + (turn.predecessorCommitted() ? "" : ", applied again before its predecessor committed"));
                return 2;
            });
            applier.awaitApplied();
        }
        assertEquals(2, attempts.get());
        assertEquals(List.of("1 committed", "2 committed after 1"), log);
    }

    @Test
    void aChunkThatThrowsAnErrorFailsItsSuccessorAndTheUploadInsteadOfHangingThem() {
        AtomicInteger committed = new AtomicInteger();
        AssertionError thrown = new AssertionError("a bug, or out of memory");
        StockChunkApplier<Integer> applier = new StockChunkApplier<>(0, e -> false, 4);
        IllegalStateException failed = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            applier.apply(Set.of("card-1"), turn -> {
                turn.locked();
                sleep(300); // the second chunk runs alongside and finds this one did not commit
                throw thrown;
            });
            applier.apply(Set.of("card-2"), turn -> {
                if (!turn.predecessorCommitted()) {
                    throw new StockChunkApplier.PredecessorNotCommitted();
                }
                return committed.incrementAndGet();
            });
            return assertThrows(IllegalStateException.class, applier::awaitApplied);
        });
        assertTimeoutPreemptively(Duration.ofSeconds(10), applier::close);
        assertSame(thrown, rootCause(failed), failed.toString());
        assertEquals(0, committed.get(), "nothing after the failed chunk committed");
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    @Test
    void theChunkAfterAChunkAppliedAgainStartsOnlyOnceTheNewAttemptHoldsItsLocks() {
        List<String> log = new CopyOnWriteArrayList<>();
        AtomicInteger attempts = new AtomicInteger();
        try (StockChunkApplier<Integer> applier = new StockChunkApplier<>(0, e -> e == LOST_RACE, 4)) {
            applier.apply(Set.of("card-1"), turn -> {
                if (attempts.incrementAndGet() == 1) {
                    log.add("1 lost a race");
                    throw LOST_RACE; // rolled back before it held its locks
                }
                sleep(200); // the new attempt takes its locks
                log.add("1 locked");
                turn.locked();
                return 1;
            });
            applier.apply(Set.of("card-2"), turn -> {
                log.add("2 started");
                return turn.predecessor() + 1;
            });
            applier.awaitApplied();
        }
        assertEquals(List.of("1 lost a race", "1 locked", "2 started"), log);
    }

    @Test
    void aChunkThatKeepsLosingRacesFailsAfterTheAttemptsAllowed() {
        AtomicInteger attempts = new AtomicInteger();
        try (StockChunkApplier<Integer> applier = new StockChunkApplier<>(0, e -> e == LOST_RACE, 4)) {
            applier.apply(Set.of("card-1"), turn -> {
                attempts.incrementAndGet();
                throw LOST_RACE;
            });
            assertThrows(IllegalStateException.class, applier::awaitApplied);
        }
        assertEquals(4, attempts.get());
        assertFalse(Thread.currentThread().isInterrupted());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS), "timed out");
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
