package io.fraudshield.accountrisk;

import io.vertx.core.Context;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;

/**
 * The status query runs on the Vert.x event loop while everything it needs is in memory, and moves to a worker
 * thread when it needs Redis or PostgreSQL (docs/account-risk.md, "Hot path"). Each call that blocks asks this
 * first, so a code path that would block the event loop fails loudly (a 500 and a test failure) instead of
 * stalling every request that shares the loop.
 */
public final class BlockingCalls {

    private BlockingCalls() {
    }

    /** @throws IllegalStateException on a Vert.x event-loop thread */
    public static void refuseOnEventLoop(String what) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException(what + " blocks and must not run on the event loop ("
                    + Thread.currentThread().getName() + ")");
        }
    }

    /**
     * Runs {@code work} on a worker thread within {@code context}, the request's (duplicated) Vert.x context, so the
     * request's OpenTelemetry span stays current there (Redis and PostgreSQL spans keep their parent, log lines their
     * traceId); a bare executor would lose both. Unordered: requests sharing the context's connection do not queue
     * behind each other. The stage completes back on the context's event loop, failing with what {@code work} threw.
     */
    public static <T> CompletionStage<T> onWorker(Context context, Callable<T> work) {
        return context.executeBlocking(work, false).toCompletionStage();
    }
}
