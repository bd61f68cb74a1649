package io.fraudshield.accountrisk.status;

import io.agroal.api.AgroalDataSource;
import io.fraudshield.accountrisk.BlockingCalls;
import io.fraudshield.accountrisk.ParticipantClient;
import io.fraudshield.accountrisk.ParticipantClient.Account;
import io.fraudshield.accountrisk.antiscan.TokenBuckets;
import io.fraudshield.accountrisk.feed.ChangeFeed;
import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.caller.Role;
import io.fraudshield.common.identifier.AccountNumber;
import io.fraudshield.common.identifier.ParticipantCode;
import io.fraudshield.common.pseudonym.Pseudonymizer;
import io.fraudshield.localstack.TestSql;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.smallrye.common.vertx.VertxContext;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A status query answered from memory runs on the event loop; everything that blocks refuses to run there, so a
 * path that would block the loop fails here instead of stalling every request sharing it. The guarantees of the
 * blocking path hold on the event loop too: a marker committed just before the query is seen, and each caller
 * gets only its own view.
 */
@QuarkusTest
class EventLoopPathTest {

    static final ParticipantClient PLATFORM = ParticipantClient.platform("PAY001");

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Pseudonymizer pseudonymizer;
    @Inject
    MeterRegistry registry;
    @Inject
    Vertx vertx;
    @Inject
    ChangeTracker tracker;
    @Inject
    AccountStatusService statuses;
    @Inject
    MarkerSnapshots postgres;
    @Inject
    RedisSnapshots redis;
    @Inject
    TokenBuckets buckets;
    @Inject
    FeedHeadReader heads;
    @Inject
    Tracer tracer;

    @Test
    void aWarmQueryIsAnsweredOnTheEventLoopAndAMarkerCommittedJustBeforeTheNextIsSeen() throws Exception {
        Account account = Account.fresh();
        assertEquals("CLEAR", PLATFORM.statusOf(account)); // first sighting: PostgreSQL, on a worker
        double before = answered("event-loop");
        for (int i = 0; i < 5 && answered("event-loop") == before; i++) {
            assertEquals("CLEAR", PLATFORM.statusOf(account));
        }
        assertTrue(answered("event-loop") > before, "a cached account with a live lease is answered on the event loop");

        commitMarkerAsAnotherReplica(account);
        double onWorker = answered("worker");
        assertEquals("FROZEN", PLATFORM.statusOf(account), "the head read began after the query did and covers the marker");
        assertEquals(onWorker + 1, answered("worker"), "the feed page behind the new head was read on a worker");
        assertEquals("FROZEN", PLATFORM.statusOf(account));
    }

    @Test
    void everyCallThatBlocksRefusesToRunOnTheEventLoop() throws Exception {
        Caller platform = new Caller("event-loop-test", Role.PAYMENT_INSTITUTION, new ParticipantCode("PAYLOOP"));
        Map<String, Executable> blocking = Map.of(
                "head read", tracker::catchUp,
                "feed pages", () -> tracker.catchUp(Long.MAX_VALUE),
                "lookup past memory", () -> statuses.lookUp(List.of("no-such-ref"), Long.MAX_VALUE),
                "PostgreSQL snapshots", () -> postgres.load(List.of("no-such-ref"), 0),
                "Redis snapshot read", () -> redis.get(List.of("no-such-ref")),
                "Redis snapshot write", () -> redis.put(Map.of()),
                "token-bucket script", () -> buckets.charge(platform, 1),
                "quota read", () -> buckets.quota(platform));
        for (Map.Entry<String, Executable> call : blocking.entrySet()) {
            CompletableFuture<Throwable> thrown = new CompletableFuture<>();
            vertx.getOrCreateContext().runOnContext(ignored -> {
                try {
                    call.getValue().execute();
                    thrown.complete(null);
                } catch (Throwable e) {
                    thrown.complete(e);
                }
            });
            Throwable failure = thrown.get(10, TimeUnit.SECONDS);
            assertTrue(failure instanceof IllegalStateException && failure.getMessage().contains("event loop"),
                    call.getKey() + " must refuse the event loop, got " + failure);
        }
        // and memory-only work is allowed there
        CompletableFuture<Throwable> memoryOnly = new CompletableFuture<>();
        vertx.getOrCreateContext().runOnContext(ignored -> {
            try {
                statuses.fromMemory(List.of("no-such-ref"), 0);
                buckets.admitWithoutRedis(platform, 1);
                memoryOnly.complete(null);
            } catch (Throwable e) {
                memoryOnly.complete(e);
            }
        });
        assertNull(memoryOnly.get(10, TimeUnit.SECONDS));
    }

    @Test
    void concurrentCallersOnTheEventLoopEachGetOnlyTheirOwnView() throws Exception {
        Account account = Account.fresh();
        ParticipantClient source = ParticipantClient.platform("PAYSRC");
        ParticipantClient other = ParticipantClient.platform("PAYOTH");
        source.markAccountActive(account, "GREY_LIST", "GREY");
        double before = answered("event-loop");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> rounds = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                ParticipantClient caller = t % 2 == 0 ? source : other;
                rounds.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        Response answer = caller.query(account);
                        answer.then().statusCode(200);
                        assertEquals("GREY", answer.path("results[0].status"));
                        Object evidence = answer.path("results[0].markers[0].evidenceRef");
                        if (caller == source) {
                            assertEquals("GA-3301-2026-000123", evidence, "the source sees its evidence");
                        } else {
                            assertNull(evidence, "another platform sees category and level only");
                            assertNull(answer.path("results[0].markers[0].source"));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> round : rounds) {
                round.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(answered("event-loop") > before, "most of these ran on the event loop");
    }

    @Test
    void aWorkerStepRunsInTheRequestsTraceContextAndLogsItsTraceId() throws Exception {
        io.vertx.core.Context request = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        CompletableFuture<List<String>> seen = new CompletableFuture<>();
        request.runOnContext(ignored -> {
            Span span = tracer.spanBuilder("request").startSpan();
            Scope scope = span.makeCurrent(); // as the server span of a request is, until its answer is sent
            BlockingCalls.onWorker(request, () -> List.of(Thread.currentThread().getName(),
                            Boolean.toString(Span.current().getSpanContext().isValid()),
                            Span.current().getSpanContext().getTraceId(), String.valueOf(MDC.get("traceId")),
                            Boolean.toString(Vertx.currentContext() == request)))
                    .whenComplete((inWorker, failure) -> {
                        scope.close();
                        span.end();
                        if (failure != null) {
                            seen.completeExceptionally(failure);
                        } else {
                            List<String> all = new ArrayList<>(inWorker); // the request's trace id last
                            all.add(span.getSpanContext().getTraceId());
                            seen.complete(all);
                        }
                    });
        });
        List<String> inWorker = seen.get(10, TimeUnit.SECONDS);
        assertTrue(inWorker.get(0).startsWith("executor-thread"), "ran on a worker thread: " + inWorker.get(0));
        assertEquals("true", inWorker.get(1), "the request's span is current in the worker step");
        assertEquals(inWorker.get(5), inWorker.get(2), "the same trace as the request");
        assertEquals(inWorker.get(5), inWorker.get(3), "log lines of the worker step carry the request's traceId");
        // the Redis client's tracing takes the parent span from the current Vert.x context, not from the thread. A plain
        // executor fails all four checks; Quarkus's default worker pool (SmallRye Context Propagation), which the hop used
        // before, passes them too: the hop's executeBlocking only makes this explicit
        assertEquals("true", inWorker.get(4), "the worker step runs in the request's own Vert.x context");
    }

    @Test
    void aHungHeadReadAnswers503WithRetryAfterInsteadOfHangingEveryQuery() throws Exception {
        try (java.sql.Connection locker = dataSource.getConnection()) {
            locker.setAutoCommit(false);
            try (java.sql.Statement statement = locker.createStatement()) {
                statement.execute("lock table feed_head in access exclusive mode"); // the head read now waits for us
            }
            try {
                Response answer = PLATFORM.query(Account.fresh());
                answer.then().statusCode(503).header("Retry-After", "1");
                assertEquals("https://fraudshield.io/problems/unavailable", answer.path("type"));
                // and the read itself gives up in the database while the lock is still held, freeing the one reader
                // thread (a read stuck for good, on a dead connection say, would otherwise hold every later query)
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ChangeFeed.READ_TIMEOUT_SECONDS + 10);
                while (TestSql.number(dataSource, "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                        + " and query like '%feed_head%' and pid <> pg_backend_pid()") > 0) {
                    assertTrue(System.nanoTime() < deadline, "the head read still waits for the lock");
                    Thread.sleep(100);
                }
            } finally {
                locker.rollback();
            }
        }
        assertEquals("CLEAR", PLATFORM.statusOf(Account.fresh()), "queries are answered again once the read returns");
    }

    @Test
    void aCallerThatGivesUpCancelsOnlyItsOwnWaitForTheSharedHeadRead() throws Exception {
        for (int i = 0; i < 200; i++) {
            CompletableFuture<Long> gaveUp = heads.afterNow();
            CompletableFuture<Long> waiting = heads.afterNow(); // most often the same read as the one before
            gaveUp.cancel(false);
            try {
                assertTrue(waiting.get(10, TimeUnit.SECONDS) >= 0);
            } catch (CancellationException e) {
                throw new AssertionError("a cancelled caller cancelled the shared read of another", e);
            }
        }
    }

    private double answered(String thread) {
        io.micrometer.core.instrument.Counter counter = registry.find("accountrisk.status.queries").tag("thread", thread).counter();
        return counter == null ? 0 : counter.count(); // registered with the first query
    }

    private void commitMarkerAsAnotherReplica(Account account) throws Exception {
        OtherReplica.commitsFrozenMarker(dataSource,
                pseudonymizer.accountRef(new ParticipantCode(account.bank()), AccountNumber.of(account.number())));
    }
}
