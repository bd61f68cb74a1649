package io.fraudshield.cardlimit.restriction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * How far the mirror is behind and how often openings were answered from it: gauges
 * {@code fraudshield.restriction.mirror.behind} (feed entries), {@code …seconds.since.sync},
 * {@code …persons}, {@code …over.capacity} (1 while the state is dropped for exceeding max-persons); counters {@code fraudshield.restriction.lookups{answered.by=mirror|account-risk}} and
 * {@code fraudshield.restriction.mirror.poll.failures{reason}}, {@code …rebuilds}.
 */
@ApplicationScoped
public class RestrictionMirrorMetrics {

    private final MeterRegistry registry;
    private final Counter fromMirror;
    private final Counter fromAccountRisk;
    private final Counter rebuilds;

    public RestrictionMirrorMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.fromMirror = lookups("mirror");
        this.fromAccountRisk = lookups("account-risk");
        this.rebuilds = Counter.builder("fraudshield.restriction.mirror.rebuilds")
                .description("times the feed no longer held what the mirror had applied, so it was rebuilt from seq 0")
                .register(registry);
    }

    void watch(RestrictionMirror mirror) {
        Gauge.builder("fraudshield.restriction.mirror.behind", mirror, RestrictionMirror::behind)
                .description("feed entries between the mirror and account-risk-service's head at the last page read")
                .register(registry);
        Gauge.builder("fraudshield.restriction.mirror.seconds.since.sync", mirror, RestrictionMirror::secondsSinceSync)
                .description("seconds since the last poll that reached the feed's head began (beyond the freshness bound, openings ask account-risk-service)")
                .register(registry);
        Gauge.builder("fraudshield.restriction.mirror.persons", mirror, RestrictionMirror::persons)
                .description("persons held in memory").register(registry);
        Gauge.builder("fraudshield.restriction.mirror.over.capacity", mirror, m -> m.overCapacity() ? 1 : 0)
                .description("1 while the mirror is dropped for holding more than max-persons: openings ask account-risk-service")
                .register(registry);
    }

    void answeredByMirror() {
        fromMirror.increment();
    }

    void answeredByAccountRisk() {
        fromAccountRisk.increment();
    }

    void rebuilt() {
        rebuilds.increment();
    }

    void pollFailed(String reason) {
        Counter.builder("fraudshield.restriction.mirror.poll.failures").tag("reason", reason)
                .description("feed polls that applied nothing: unavailable, malformed page, diverged history, or over capacity")
                .register(registry).increment();
    }

    private Counter lookups(String answeredBy) {
        return Counter.builder("fraudshield.restriction.lookups").tag("answered.by", answeredBy)
                .description("person-restriction look-ups at opening, by who answered").register(registry);
    }
}
