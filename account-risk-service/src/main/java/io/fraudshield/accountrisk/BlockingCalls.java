package io.fraudshield.accountrisk;

import io.vertx.core.Context;

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
}
