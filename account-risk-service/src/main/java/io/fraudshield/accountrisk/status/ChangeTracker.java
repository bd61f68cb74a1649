package io.fraudshield.accountrisk.status;

import io.fraudshield.accountrisk.BlockingCalls;
import io.fraudshield.accountrisk.feed.ChangeFeed;
import io.fraudshield.accountrisk.feed.MarkerEventView;
import io.fraudshield.common.problem.ProblemException;
import io.fraudshield.common.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What this replica knows of the change feed: the last change of each subject since {@code baseline}. A
 * snapshot taken at position s is still true when s ≥ baseline and the subject has not changed after s.
 * Every query first catches up to the head it read from PostgreSQL, so a change committed before the query
 * began — through any replica — invalidates every cached snapshot that misses it.
 */
@ApplicationScoped
public class ChangeTracker {

    private static final int PAGE = 1000;
    private static final int MAX_TRACKED = 500_000;

    private final ChangeFeed feed;
    private final FeedHeadReader heads;
    private final StatusQueryConfig config;
    private final Map<String, Long> lastChange = new ConcurrentHashMap<>();
    private volatile long baseline = -1;
    private volatile long applied = -1;
    private final List<Runnable> onReset = new java.util.concurrent.CopyOnWriteArrayList<>();

    public ChangeTracker(ChangeFeed feed, FeedHeadReader heads, StatusQueryConfig config) {
        this.feed = feed;
        this.heads = heads;
        this.config = config;
    }

    /** Reads the head from PostgreSQL and applies every change up to it (blocks). @return the head */
    public long catchUp() {
        BlockingCalls.refuseOnEventLoop("the change-feed head read");
        long head;
        try {
            head = headAfterNow().join();
        } catch (CompletionException e) {
            throw (RuntimeException) e.getCause(); // headAfterNow fails with runtime exceptions only
        }
        catchUp(head);
        return head;
    }

    /**
     * A head read from PostgreSQL that begins after this call did, without blocking: see {@link FeedHeadReader}. Fails
     * with 503 and Retry-After when the read takes longer than {@code accountrisk.status-query.head-read-timeout}.
     */
    public CompletableFuture<Long> headAfterNow() {
        CompletableFuture<Long> head = new CompletableFuture<>();
        heads.afterNow().orTimeout(config.headReadTimeout().toMillis(), TimeUnit.MILLISECONDS).whenComplete((read, failure) -> {
            if (failure == null) {
                head.complete(read);
            } else {
                head.completeExceptionally(notRead(failure));
            }
        });
        return head;
    }

    private static RuntimeException notRead(Throwable failure) {
        Throwable cause = StatusQueries.unwrapped(failure);
        if (cause instanceof TimeoutException) {
            return ProblemException.retryAfter(ProblemType.UNAVAILABLE,
                    "The change feed could not be read in time; retry after 1 s.", 1);
        }
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException("change feed head unreadable", cause);
    }

    /** Whether every change up to {@code head} is applied, so {@link #stillTrue} needs no feed page read. */
    public boolean caughtUpTo(long head) {
        return head <= applied;
    }

    /** Applies every change up to {@code head}, reading feed pages from PostgreSQL when behind (blocks then). */
    public void catchUp(long head) {
        if (head > applied) {
            BlockingCalls.refuseOnEventLoop("a change-feed page read");
            apply(head);
        }
    }

    public boolean stillTrue(String ref, Snapshot snapshot) {
        // lastChange first: a reset raises the baseline before it clears lastChange, so a reader that finds the subject's
        // change gone also finds the new baseline; read the other way round, an old baseline and a cleared map would
        // pass a snapshot that misses a change
        long changed = lastChange.getOrDefault(ref, 0L);
        return snapshot.seq() >= baseline && changed <= snapshot.seq();
    }

    /** Called when the tracker forgets its history: snapshots older than the new baseline are no longer checkable. */
    public void onReset(Runnable action) {
        onReset.add(action);
    }

    private synchronized void apply(long head) {
        if (applied < 0) {
            baseline = head;
            applied = head;
            return;
        }
        while (applied < head) {
            List<MarkerEventView> events = feed.after(applied, PAGE);
            if (events.isEmpty()) {
                break;
            }
            for (MarkerEventView event : events) {
                lastChange.merge(event.subjectRef(), event.seq(), Math::max);
            }
            applied = events.get(events.size() - 1).seq();
        }
        if (lastChange.size() > MAX_TRACKED) {
            baseline = applied;
            lastChange.clear();
            onReset.forEach(Runnable::run);
        }
    }
}
