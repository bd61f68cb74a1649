package io.fraudshield.k8s;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The services' startup, readiness and liveness probes ask the management interface (port 9000, /q/health/*): the API
 * port is the gateway's, and a probe there would pass while the management interface is down. Every other
 * long-running container has readiness and liveness probes.
 */
final class ProbesOnManagementPort implements Invariant {

    @Override
    public List<String> violations(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        Workloads.all(manifests).forEach(workload -> {
            boolean service = Workloads.SERVICES.contains(Manifests.nameOf(workload));
            for (JsonNode container : Workloads.podSpec(workload).path("containers")) {
                String where = Workloads.where(workload, container);
                List<String> probes = service
                        ? List.of("startupProbe", "readinessProbe", "livenessProbe")
                        : List.of("readinessProbe", "livenessProbe");
                for (String probe : probes) {
                    JsonNode check = container.path(probe);
                    if (check.isMissingNode()) {
                        violations.add(where + ": no " + probe);
                    } else if (service) {
                        JsonNode get = check.path("httpGet");
                        String port = get.path("port").asText();
                        if (!(port.equals("management") || port.equals("9000"))
                                || !get.path("path").asText().startsWith("/q/health/")) {
                            violations.add(where + ": " + probe + " is not /q/health/* on the management port");
                        }
                    }
                }
                if (service && !declaresManagementPort(container)) {
                    violations.add(where + ": no containerPort 9000 named management");
                }
            }
        });
        return violations;
    }

    private static boolean declaresManagementPort(JsonNode container) {
        for (JsonNode port : container.path("ports")) {
            if (port.path("name").asText().equals("management") && port.path("containerPort").asInt() == 9000) {
                return true;
            }
        }
        return false;
    }
}
