package io.fraudshield.stoppayment.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;

/**
 * {@code fraudshield.webhook.delivery.lag}: from the moment an event was written (for a new order, the moment
 * the order was accepted) to the participant's 2xx, per participant, retries and back-off included. Its buckets
 * are the objectives the alerts read (docs/observability.md).
 */
@ApplicationScoped
public class WebhookLag {

    static final Duration[] BUCKETS = {Duration.ofMillis(250), Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1)};

    private final MeterRegistry registry;

    public WebhookLag(MeterRegistry registry) {
        this.registry = registry;
    }

    void acknowledged(String participant, Instant written, Instant acknowledged) {
        Timer.builder("fraudshield.webhook.delivery.lag")
                .description("From an event's writing (an order's acceptance) to the participant's acknowledgement")
                .tag("participant", participant).serviceLevelObjectives(BUCKETS)
                .register(registry).record(Duration.between(written, acknowledged).isNegative() ? Duration.ZERO
                        : Duration.between(written, acknowledged));
    }
}
