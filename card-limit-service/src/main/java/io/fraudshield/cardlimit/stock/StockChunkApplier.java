package io.fraudshield.cardlimit.stock;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One upload's chunks, each one transaction, applied two at a time on threads (and so database connections) of
 * their own while the request's thread reads and parses the next: chunk N+1 takes its locks once chunk N holds all
 * of its own ({@link Turn#locked}), decides and writes its cards meanwhile, and appends its audit events and commits
 * only after chunk N committed ({@link Turn#predecessor}). So the chunks commit in order, the committed chunks are
 * always a prefix of the upload, and a person or card of both chunks is decided by N+1 as N left it (N+1 waits on
 * N's row locks). Chunks that report a card of the chunk before them, or that follow an empty chunk, wait for it to
 * commit before they start. At most two chunks are applied and one parsed: memory stays flat.
 *
 * <p>No thread ever waits here while its transaction holds locks: a chunk that lost a race, or whose predecessor
 * turned out not to have committed, rolls back first and then waits for its predecessor's outcome, so every wait
 * between two transactions is one PostgreSQL sees (and breaks, if it closes a cycle). A chunk that failed fails its
 * successors and the next hand-over (and {@link #awaitApplied}).
 */
final class StockChunkApplier<P> implements AutoCloseable {

    private final ExecutorService threads = Executors.newFixedThreadPool(2, task -> {
        Thread applying = new Thread(task, "stock-upload-apply");
        applying.setDaemon(true);
        return applying;
    });
    private final Predicate<RuntimeException> lostRace;
    private final int attempts;
    private Handle<P> last;
    private Handle<P> beforeLast;

    /**
     * @param committed what the upload had committed before its first chunk
     * @param lostRace  failures after which a chunk is applied again (a deadlock, a card registered concurrently)
     * @param attempts  how often a chunk that keeps losing races is applied at most
     */
    StockChunkApplier(P committed, Predicate<RuntimeException> lostRace, int attempts) {
        this.lostRace = lostRace;
        this.attempts = attempts;
        last = Handle.committed(committed);
        beforeLast = last;
    }

    /**
     * Hands over the next chunk. Returns once it has started: when the chunk before the last one has committed,
     * and the last one holds its locks (or has committed, if this chunk may not overlap it).
     *
     * @param cardRefs the references of the cards its lines report, under every key
     * @param work     the chunk's one transaction, which calls {@link Turn#locked} and {@link Turn#predecessor}
     */
    void apply(Set<String> cardRefs, Function<Turn<P>, P> work) {
        outcome(beforeLast);
        outcome(last.locked);
        if (last.committed.isCompletedExceptionally()) {
            outcome(last);
        }
        boolean mayOverlap = !cardRefs.isEmpty() && !last.cardRefs.isEmpty()
                && Collections.disjoint(cardRefs, last.cardRefs);
        if (!mayOverlap) {
            outcome(last.committed);
        }
        Handle<P> next = new Handle<>(last.number + 1, cardRefs);
        Handle<P> predecessor = last;
        threads.execute(() -> run(next, predecessor, work));
        beforeLast = last;
        last = next;
    }

    /** Waits for every chunk handed over; rethrows what the first that failed failed with. */
    void awaitApplied() {
        outcome(beforeLast);
        outcome(last);
    }

    /**
     * Applies the chunk until it committed or failed for good. Whatever ends the thread's work — an {@link Error}
     * included (out of memory, a stack overflow, an assertion) — completes both of the chunk's futures, so neither
     * the request's thread nor the chunk after it ever waits for a chunk that is no longer applied.
     */
    private void run(Handle<P> chunk, Handle<P> predecessor, Function<Turn<P>, P> work) {
        try {
            attempt(chunk, predecessor, work);
        } catch (Throwable e) {
            chunk.committed.completeExceptionally(e);
            throw e;
        } finally {
            chunk.locked.complete(null); // rolled back or committed: it holds no locks
            chunk.committed.completeExceptionally(new IllegalStateException("a stock chunk ended without an outcome"));
        }
    }

    private void attempt(Handle<P> chunk, Handle<P> predecessor, Function<Turn<P>, P> work) {
        int lostRaces = 0;
        while (true) {
            try {
                P committed = work.apply(new Turn<>(chunk, predecessor));
                chunk.locked.complete(null);
                chunk.committed.complete(committed);
                return;
            } catch (RuntimeException e) {
                // rolled back: this chunk holds no locks now, so this thread may wait. The next chunk is not let go
                // here: if it has not started, it starts once the attempt applied again holds its locks (started
                // now, it could take locks that attempt needs, and the deadlock would cost an attempt); failing for
                // good lets it go (run's finally)
                boolean again = predecessorNotCommitted(e) || (lostRace.test(e) && ++lostRaces < attempts);
                if (!again) {
                    chunk.committed.completeExceptionally(e);
                    return;
                }
                try {
                    predecessor.committed.join();
                } catch (CompletionException predecessorFailed) {
                    chunk.committed.completeExceptionally(new IllegalStateException(
                            "an earlier chunk of the upload failed", predecessorFailed.getCause()));
                    return;
                }
            }
        }
    }

    private static boolean predecessorNotCommitted(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PredecessorNotCommitted) {
                return true;
            }
        }
        return false;
    }

    private void outcome(Handle<P> handle) {
        outcome(handle.committed);
    }

    private static void outcome(CompletableFuture<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a stock chunk was applied", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Lets the chunks in hand finish (their outcome is already known, or no longer matters), then stops. */
    @Override
    public void close() {
        for (Handle<P> handle : List.of(beforeLast, last)) {
            try {
                handle.committed.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                // reported by awaitApplied, or superseded by the failure that closes the upload
            }
        }
        threads.shutdown();
    }

    /** One attempt at applying a chunk, in its transaction. */
    static final class Turn<P> {
        private final Handle<P> chunk;
        private final Handle<P> predecessor;

        private Turn(Handle<P> chunk, Handle<P> predecessor) {
            this.chunk = chunk;
            this.predecessor = predecessor;
        }

        /** The chunk's place in the upload: 1, 2, … */
        int number() {
            return chunk.number;
        }

        /** This attempt's transaction (its id) holds the chunk's advisory lock: the next chunk waits on it. */
        void began(long transaction) {
            chunk.transaction = transaction;
        }

        /** The chunk holds the locks of all its persons and cards: the next chunk may take its own. */
        void locked() {
            chunk.locked.complete(null);
        }

        /** Whether the chunk before this one is known to have committed (without asking the database). */
        boolean predecessorCommitted() {
            return predecessor.committed.isDone() && !predecessor.committed.isCompletedExceptionally();
        }

        /**
         * The transaction of the predecessor's latest attempt that took its advisory lock, if any: once that
         * transaction ended, the database says whether it committed.
         */
        Long predecessorTransaction() {
            return predecessor.transaction;
        }

        /**
         * What the upload had committed with the chunk before this one; call it only once the database showed that
         * chunk committed ({@link #predecessorTransaction}), so this waits at most for its thread to hand it over.
         */
        P predecessor() {
            return predecessor.committed.join();
        }
    }

    /** The database showed that the chunk before this one did not commit: roll back, wait for it, apply again. */
    static final class PredecessorNotCommitted extends RuntimeException {
        PredecessorNotCommitted() {
            super("the chunk before this one did not commit", null, false, false);
        }
    }

    private static final class Handle<P> {
        final int number;
        final Set<String> cardRefs;
        volatile Long transaction;
        final CompletableFuture<Void> locked = new CompletableFuture<>();
        final CompletableFuture<P> committed = new CompletableFuture<>();

        Handle(int number, Set<String> cardRefs) {
            this.number = number;
            this.cardRefs = cardRefs;
        }

        static <P> Handle<P> committed(P progress) {
            Handle<P> start = new Handle<>(0, Set.of());
            start.locked.complete(null);
            start.committed.complete(progress);
            return start;
        }
    }
}
