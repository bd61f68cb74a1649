package io.fraudshield.common.outbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BackoffTest {

    private final Duration base = Duration.ofSeconds(2);
    private final Duration max = Duration.ofMinutes(10);

    @Test
    void doublesFromTheBaseUpToTheCapAtTheTopOfTheJitter() {
        Backoff top = new Backoff(base, max, () -> 1.0);
        assertEquals(Duration.ofSeconds(2), top.after(1));
        assertEquals(Duration.ofSeconds(4), top.after(2));
        assertEquals(Duration.ofSeconds(8), top.after(3));
        assertEquals(max, top.after(12));
        assertEquals(max, top.after(Integer.MAX_VALUE));
    }

    @Test
    void jitterWaitsBetweenHalfAndAllOfTheDelay() {
        assertEquals(Duration.ofSeconds(4), new Backoff(base, max, () -> 0.0).after(3));
        assertEquals(Duration.ofSeconds(6), new Backoff(base, max, () -> 0.5).after(3));
    }
}
