package io.fraudshield.k8s;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A service pod leaves the load balancers before Quarkus stops (a preStop sleep while the endpoints update), and
 * Kubernetes waits for both: terminationGracePeriodSeconds covers the preStop sleep plus quarkus.shutdown.timeout,
 * so in-flight requests finish instead of being killed.
 */
final class GracefulTermination implements Invariant {

    @Override
    public List<String> violations(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        Workloads.services(manifests).forEach(service -> {
            long grace = Workloads.podSpec(service).path("terminationGracePeriodSeconds").asLong(30);
            for (JsonNode container : Workloads.podSpec(service).path("containers")) {
                String where = Workloads.where(service, container);
                JsonNode sleep = container.path("lifecycle").path("preStop").path("sleep").path("seconds");
                if (!sleep.isNumber() || sleep.asLong() <= 0) {
                    violations.add(where + ": no preStop sleep");
                }
                var timeout = EnvironmentOf.value(manifests, container, "QUARKUS_SHUTDOWN_TIMEOUT");
                if (timeout.isEmpty()) {
                    violations.add(where + ": no QUARKUS_SHUTDOWN_TIMEOUT");
                    continue;
                }
                long needed = seconds(timeout.get()) + sleep.asLong(0);
                if (grace < needed) {
                    violations.add(where + ": terminationGracePeriodSeconds " + grace + " < preStop sleep + shutdown "
                            + "timeout (" + needed + " s)");
                }
            }
        });
        return violations;
    }

    /** Quarkus durations: "20s", "1m", or ISO-8601 "PT20S" */
    static long seconds(String duration) {
        String value = duration.trim().toUpperCase(Locale.ROOT);
        if (value.startsWith("P")) {
            return Duration.parse(value).toSeconds();
        }
        if (value.matches("\\d+")) {
            return Long.parseLong(value);
        }
        return Duration.parse(value.endsWith("MS") ? "PT0." + value.replace("MS", "") + "S" : "PT" + value).toSeconds();
    }
}
