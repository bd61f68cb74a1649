package io.fraudshield.accountrisk.status;

import io.fraudshield.accountrisk.feed.ChangeFeed;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Reads the change-feed head for many concurrent queries at once. A query needs a head read that started
 * after the query began; queries that arrive while no read is pending join the next read, which starts only
 * after they joined, so every one of them gets a head at least as new as its own start. Under load one
 * PostgreSQL round trip serves every query that arrived during the previous one.
 */
@ApplicationScoped
public class FeedHeadReader {

    private final ChangeFeed feed;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "feed-head-reader");
        thread.setDaemon(true);
        return thread;
    });
    private CompletableFuture<Long> pending;

    public FeedHeadReader(ChangeFeed feed) {
        this.feed = feed;
    }

    /**
     * A head read that begins after this call did; completes on the reader's thread, so a caller on the event loop
     * waits for it without blocking. Each caller gets its own copy of the shared read: cancelling or timing out that
     * copy leaves the read, and every other caller's copy, as they are.
     */
    public CompletableFuture<Long> afterNow() {
        CompletableFuture<Long> batch;
        synchronized (this) {
            if (pending == null) {
                CompletableFuture<Long> next = new CompletableFuture<>();
                reader.execute(() -> read(next)); // refused at shutdown: then nothing is left pending for later callers
                pending = next; // before read(next) can clear it: read waits for this lock
            }
            batch = pending;
        }
        // each caller gets its own copy: cancelling it (a client that went away) must not cancel the shared read
        return batch.copy();
    }

    private void read(CompletableFuture<Long> batch) {
        synchronized (this) {
            if (pending == batch) {
                pending = null; // from here on, arrivals wait for the next read: this one may be too early for them
            }
        }
        try {
            batch.complete(feed.head());
        } catch (Throwable e) {
            batch.completeExceptionally(e); // whatever it is, the waiters learn of it instead of waiting forever
        }
    }

    @PreDestroy
    void stop() {
        reader.shutdownNow();
    }
}
