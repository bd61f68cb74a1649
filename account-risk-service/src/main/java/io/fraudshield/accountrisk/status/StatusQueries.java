package io.fraudshield.accountrisk.status;

import io.fraudshield.accountrisk.BlockingCalls;
import io.fraudshield.accountrisk.antiscan.TokenBuckets;
import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.metrics.BusinessMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Runs a status query where it costs least (docs/account-risk.md, "Hot path"). On the event loop: the keyed
 * references, then a wait without blocking for a feed-head read that began after the query did, then, back on
 * the query's event loop, the answer from this replica's memory when every snapshot is cached and still true and
 * this replica's lease admits the query (any token left admits it, whatever it costs; what the lease did not cover
 * is charged to Redis afterwards on a worker thread, into debt). Whenever Redis or PostgreSQL is needed to answer
 * (a feed page, a snapshot, a lease renewal) the rest of the query moves to a worker thread, in the request's
 * Vert.x context, with the head it already read, and runs the same blocking path as before. Called on a worker
 * thread, it runs that path there; a query of more than {@link #EVENT_LOOP_ACCOUNTS} accounts runs it on a worker
 * thread from the start.
 */
@ApplicationScoped
public class StatusQueries {

    private static final Logger LOG = Logger.getLogger(StatusQueries.class);

    /**
     * Larger queries go to a worker thread at once: keying, checking and answering 1,000 accounts takes milliseconds,
     * which every other request on the same event loop would wait for.
     */
    static final int EVENT_LOOP_ACCOUNTS = 100;

    private final AccountStatusService statuses;
    private final ChangeTracker tracker;
    private final TokenBuckets buckets;
    private final BusinessMetrics metrics;
    private final Counter onEventLoop;
    private final Counter onWorker;

    public StatusQueries(AccountStatusService statuses, ChangeTracker tracker, TokenBuckets buckets,
                         BusinessMetrics metrics, MeterRegistry registry) {
        this.statuses = statuses;
        this.tracker = tracker;
        this.buckets = buckets;
        this.metrics = metrics;
        this.onEventLoop = answered(registry, "event-loop");
        this.onWorker = answered(registry, "worker");
    }

    public CompletionStage<StatusQueryResponse> query(Caller who, StatusQueryRequest request) {
        Context context = Vertx.currentContext();
        if (context == null || !Context.isOnEventLoopThread()) {
            return CompletableFuture.completedFuture(onWorker(who, request, statuses.refs(request), tracker.catchUp(), null));
        }
        if (request.accounts().size() > EVENT_LOOP_ACCOUNTS) {
            return BlockingCalls.onWorker(context, () -> onWorker(who, request, statuses.refs(request), tracker.catchUp(), null));
        }
        CompletableFuture<StatusQueryResponse> result = new CompletableFuture<>();
        List<String> refs = statuses.refs(request);
        // plain futures, not Mutiny: no context captured per step (bench/account-risk/RESULTS.md, 2026-11-29 08:56, "Plain CompletableFutures, not Mutiny")
        tracker.headAfterNow().whenComplete((head, failure) -> context.runOnContext(ignored -> {
            if (failure != null) {
                result.completeExceptionally(unwrapped(failure));
                return;
            }
            try {
                AccountStatusService.Lookup lookup = statuses.fromMemory(refs, head);
                // decided here, with the lease's admit semantics: any token left admits a hit or a miss alike, and
                // what happens to the lease before a worker runs cannot turn an admitted request into a refusal
                long owed = lookup == null ? -1 : buckets.admitWithoutRedis(who, cost(lookup));
                if (owed < 0) {
                    BlockingCalls.onWorker(context, () -> onWorker(who, request, refs, head, lookup))
                            .whenComplete((answer, failed) -> relay(result, answer, failed));
                    return;
                }
                onEventLoop.increment();
                result.complete(answer(who, request, lookup));
                if (owed > 0) {
                    BlockingCalls.onWorker(context, () -> {
                        buckets.chargeOwed(who, owed); // into debt: it cannot refuse, and Redis down falls back to memory
                        return null;
                    }).whenComplete((done, failed) -> {
                        if (failed != null) {
                            LOG.warnf("Charging what a lease did not cover failed (%s)", failed.getClass().getSimpleName());
                        }
                    });
                }
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }));
        return result;
    }

    private static void relay(CompletableFuture<StatusQueryResponse> result, StatusQueryResponse answer, Throwable failure) {
        if (failure != null) {
            result.completeExceptionally(unwrapped(failure));
        } else {
            result.complete(answer);
        }
    }

    /** The exception itself, for the problem mappers, not the CompletionException around it. */
    static Throwable unwrapped(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** The blocking path: snapshots from Redis or PostgreSQL if {@code cached} is null, the bucket charged with Redis. */
    private StatusQueryResponse onWorker(Caller who, StatusQueryRequest request, List<String> refs, long head,
                                         AccountStatusService.Lookup cached) {
        AccountStatusService.Lookup lookup = cached != null ? cached : statuses.lookUp(refs, head);
        buckets.charge(who, cost(lookup));
        onWorker.increment();
        return answer(who, request, lookup);
    }

    private long cost(AccountStatusService.Lookup lookup) {
        int misses = lookup.misses();
        return buckets.cost(lookup.refs().size() - misses, misses);
    }

    private StatusQueryResponse answer(Caller who, StatusQueryRequest request, AccountStatusService.Lookup lookup) {
        StatusQueryResponse response = statuses.answer(who, request, lookup);
        for (AccountStatusView answer : response.results()) {
            metrics.decision("account-status", answer.status().name(), answer.markers().isEmpty()
                    ? BusinessMetrics.NO_REASON : answer.markers().get(0).category().name());
        }
        return response;
    }

    private static Counter answered(MeterRegistry registry, String thread) {
        return Counter.builder("accountrisk.status.queries").tag("thread", thread)
                .description("Status queries answered, by where they ran: the event loop (memory only) or a worker thread")
                .register(registry);
    }
}
