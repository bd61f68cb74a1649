package io.fraudshield.cardlimit.stock;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One upload's chunks, applied one after the other on a thread of their own, so the request's thread reads and
 * parses the next chunk meanwhile. A chunk is handed over only once the one before it is applied: chunks commit
 * in order, and at most one waits. A chunk that failed fails the next hand-over (and {@link #awaitApplied}).
 */
final class StockChunkApplier implements AutoCloseable {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread applying = new Thread(task, "stock-upload-apply");
        applying.setDaemon(true);
        return applying;
    });
    private Future<?> applying = CompletableFuture.completedFuture(null);

    void apply(Runnable chunk) {
        awaitApplied();
        applying = thread.submit(chunk);
    }

    /** Waits for the chunk handed over last; rethrows what it failed with. */
    void awaitApplied() {
        try {
            applying.get();
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

    /** Lets the chunk in hand finish (its outcome is already known, or no longer matters), then stops the thread. */
    @Override
    public void close() {
        try {
            applying.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // reported by awaitApplied, or superseded by the failure that closes the upload
        }
        thread.shutdown();
    }
}
