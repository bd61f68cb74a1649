package io.fraudshield.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Pod templates of the rendered Deployments and StatefulSets, and the three FraudShield services among them. */
final class Workloads {

    static final List<String> SERVICES = List.of("card-limit-service", "account-risk-service", "stop-payment-service");

    private Workloads() {
    }

    static Stream<ObjectNode> all(Manifests manifests) {
        return Stream.concat(manifests.ofKind("Deployment"), manifests.ofKind("StatefulSet"));
    }

    static Stream<ObjectNode> services(Manifests manifests) {
        return manifests.ofKind("Deployment").filter(d -> SERVICES.contains(Manifests.nameOf(d)));
    }

    static JsonNode podSpec(JsonNode workload) {
        return workload.path("spec").path("template").path("spec");
    }

    static JsonNode podLabels(JsonNode workload) {
        return workload.path("spec").path("template").path("metadata").path("labels");
    }

    /** init containers first, then the containers */
    static List<JsonNode> containers(JsonNode workload) {
        List<JsonNode> containers = new ArrayList<>();
        podSpec(workload).path("initContainers").forEach(containers::add);
        podSpec(workload).path("containers").forEach(containers::add);
        return containers;
    }

    static String where(JsonNode workload, JsonNode container) {
        return Manifests.idOf(workload) + " container " + container.path("name").asText();
    }
}
