package io.fraudshield.common.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * Every meter carries {@code service} (quarkus.application.name), and the server-side request timer is a
 * histogram, so p99 per route is a PromQL {@code histogram_quantile} over
 * {@code http_server_requests_seconds_bucket}. The {@code uri} tag is the route template ({@code /v1/orders/{id}}),
 * never the path with its ids (Quarkus REST tags it so; unmatched paths become NOT_FOUND).
 */
public class MeterFilters {

    /** Latency objectives the alerts and dashboards read: each is an exact bucket boundary. */
    static final Duration[] HTTP_SLO = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5)};

    @Produces
    @Singleton
    MeterFilter serviceTag(@ConfigProperty(name = "quarkus.application.name") String service) {
        return MeterFilter.commonTags(Tags.of("service", service));
    }

    @Produces
    @Singleton
    MeterFilter serverLatencyHistogram() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals("http.server.requests")) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .percentilesHistogram(true)
                        .minimumExpectedValue((double) Duration.ofMillis(1).toNanos())
                        .maximumExpectedValue((double) Duration.ofSeconds(10).toNanos())
                        .serviceLevelObjectives(nanos(HTTP_SLO))
                        .build().merge(config);
            }
        };
    }

    static double[] nanos(Duration... durations) {
        double[] values = new double[durations.length];
        for (int i = 0; i < durations.length; i++) {
            values[i] = durations[i].toNanos();
        }
        return values;
    }
}
