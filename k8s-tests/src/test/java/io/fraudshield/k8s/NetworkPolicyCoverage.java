package io.fraudshield.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A default-deny policy (ingress and egress) covers namespace fraudshield (the gateway namespace's own is
 * EdgeNamespaceLockedDown's), and every pod the overlay makes (the services,
 * Redis, and the pods CloudNativePG makes for each Cluster and Pooler) is named by a policy of its own that says who
 * may reach it (policyTypes Ingress): the shared egress-only policies (DNS, OTLP, IdP, API server) do not count.
 */
final class NetworkPolicyCoverage implements Invariant {

    @Override
    public List<String> violations(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        boolean defaultDeny = manifests.ofKind("NetworkPolicy")
                .filter(policy -> !EdgeReachability.GATEWAY_NAMESPACE.equals(policy.path("metadata").path("namespace").asText()))
                .anyMatch(policy -> {
            JsonNode spec = policy.path("spec");
            return spec.path("podSelector").isEmpty() && spec.path("ingress").isEmpty()
                    && spec.path("egress").isEmpty() && types(spec).containsAll(List.of("Ingress", "Egress"));
        });
        if (!defaultDeny) {
            violations.add("no default-deny NetworkPolicy for ingress and egress");
        }
        pods(manifests).forEach((id, labels) -> {
            boolean named = manifests.ofKind("NetworkPolicy").anyMatch(policy -> {
                JsonNode selector = policy.path("spec").path("podSelector");
                return !selector.isEmpty() && Selectors.matches(selector, labels, false)
                        && types(policy.path("spec")).contains("Ingress");
            });
            if (!named) {
                violations.add(id + ": its pods are in no NetworkPolicy of their own");
            }
        });
        return violations;
    }

    private static List<String> types(JsonNode spec) {
        List<String> types = new ArrayList<>();
        spec.path("policyTypes").forEach(type -> types.add(type.asText()));
        return types;
    }

    /** Labels of every kind of pod the overlay makes, directly or through the CloudNativePG operator. */
    static Map<String, JsonNode> pods(Manifests manifests) {
        Map<String, JsonNode> pods = new java.util.LinkedHashMap<>();
        Workloads.all(manifests).forEach(workload -> pods.put(Manifests.idOf(workload), Workloads.podLabels(workload)));
        manifests.ofKind("Cluster").forEach(cluster -> {
            ObjectNode labels = cluster.path("spec").path("inheritedMetadata").path("labels").isObject()
                    ? ((ObjectNode) cluster.path("spec").path("inheritedMetadata").path("labels")).deepCopy()
                    : Manifests.YAML.createObjectNode();
            labels.put("cnpg.io/cluster", Manifests.nameOf(cluster));
            pods.put(Manifests.idOf(cluster), labels);
        });
        manifests.ofKind("Pooler").forEach(pooler -> {
            JsonNode template = pooler.path("spec").path("template").path("metadata").path("labels");
            ObjectNode labels = template.isObject() ? ((ObjectNode) template).deepCopy() : Manifests.YAML.createObjectNode();
            labels.put("cnpg.io/poolerName", Manifests.nameOf(pooler));
            pods.put(Manifests.idOf(pooler), labels);
        });
        return pods;
    }
}
