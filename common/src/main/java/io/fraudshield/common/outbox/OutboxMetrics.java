package io.fraudshield.common.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code fraudshield.outbox.delivered|retried|dead.lettered} counters per destination, and the
 * {@code fraudshield.outbox.pending} and {@code fraudshield.outbox.dead} gauges as of the relay's last run.
 * Alert on dead letters (k8s/base/alerts.yaml).
 */
@ApplicationScoped
public class OutboxMetrics {

    private final MeterRegistry registry;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong dead = new AtomicLong();

    public OutboxMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("fraudshield.outbox.pending", pending, AtomicLong::get)
                .description("messages not yet delivered nor dead-lettered").register(registry);
        Gauge.builder("fraudshield.outbox.dead", dead, AtomicLong::get)
                .description("dead letters waiting for an operator; each holds its aggregate's later messages back")
                .register(registry);
    }

    void delivered(String destination) {
        counter("fraudshield.outbox.delivered", destination).increment();
    }

    void retried(String destination) {
        counter("fraudshield.outbox.retried", destination).increment();
    }

    void deadLettered(String destination) {
        counter("fraudshield.outbox.dead.lettered", destination).increment();
    }

    void backlog(OutboxStore.Backlog backlog) {
        pending.set(backlog.pending());
        dead.set(backlog.dead());
    }

    private Counter counter(String name, String destination) {
        return Counter.builder(name).tag("destination", destination).register(registry);
    }
}
