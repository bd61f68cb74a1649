package io.fraudshield.common.outbox;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential back-off with jitter: after attempt n the next one waits base × 2^(n-1), capped, and then a
 * random 50–100 % of that, so relays that failed together do not all come back in the same second.
 */
public final class Backoff {

    private final Duration base;
    private final Duration max;
    private final DoubleSupplier random;

    public Backoff(Duration base, Duration max, DoubleSupplier random) {
        this.base = base;
        this.max = max;
        this.random = random;
    }

    public Duration after(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        long millis = Math.min(max.toMillis(), base.toMillis() << doublings);
        if (millis < 0) {
            millis = max.toMillis();
        }
        return Duration.ofMillis((long) (millis * (0.5 + 0.5 * random.getAsDouble())));
    }
}
