package io.fraudshield.k8s;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The gateway namespace denies by default, and its policies let the Envoy proxy receive only its HTTPS listener
 * (443, and 10443 where Envoy Gateway binds it inside the pod) from anywhere plus its stats port from monitoring, and
 * reach only the services' API port in namespace fraudshield, the cluster DNS and the controller's xDS server: no
 * ipBlock, no peer without a namespace, no other port.
 */
final class EdgeNamespaceLockedDown implements Invariant {

    private static final Map<String, Set<Integer>> EGRESS = Map.of(
            "fraudshield", Set.of(8080),
            "kube-system", Set.of(53),
            "envoy-gateway-system", Set.of(18000));
    private static final Set<Integer> OPEN_INGRESS = Set.of(443, 10443);
    private static final Map<String, Set<Integer>> INGRESS = Map.of("monitoring", Set.of(19001));

    @Override
    public List<String> violations(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        List<JsonNode> policies = manifests.ofKind("NetworkPolicy")
                .filter(p -> EdgeReachability.GATEWAY_NAMESPACE.equals(p.path("metadata").path("namespace").asText()))
                .map(JsonNode.class::cast).toList();
        boolean defaultDeny = policies.stream().anyMatch(p -> p.path("spec").path("podSelector").isEmpty()
                && p.path("spec").path("ingress").isEmpty() && p.path("spec").path("egress").isEmpty()
                && p.path("spec").path("policyTypes").toString().contains("Ingress")
                && p.path("spec").path("policyTypes").toString().contains("Egress"));
        if (!defaultDeny) {
            violations.add("namespace " + EdgeReachability.GATEWAY_NAMESPACE + ": no default-deny NetworkPolicy");
        }
        for (JsonNode policy : policies) {
            String id = Manifests.idOf(policy);
            for (JsonNode rule : policy.path("spec").path("egress")) {
                check(id + " egress", rule.path("to"), rule.path("ports"), EGRESS, Set.of(), violations);
            }
            for (JsonNode rule : policy.path("spec").path("ingress")) {
                check(id + " ingress", rule.path("from"), rule.path("ports"), INGRESS, OPEN_INGRESS, violations);
            }
        }
        return violations;
    }

    private static void check(String where, JsonNode peers, JsonNode ports, Map<String, Set<Integer>> byNamespace,
                              Set<Integer> open, List<String> violations) {
        if (ports.isEmpty()) {
            violations.add(where + ": every port");
        }
        if (peers.isEmpty()) {
            ports.forEach(port -> {
                if (!open.contains(port.path("port").asInt())) {
                    violations.add(where + ": port " + port.path("port").asText() + " open to everyone");
                }
            });
            return;
        }
        for (JsonNode peer : peers) {
            String namespace = peer.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText(null);
            Set<Integer> allowed = namespace == null ? Set.of() : byNamespace.getOrDefault(namespace, Set.of());
            ports.forEach(port -> {
                if (!allowed.contains(port.path("port").asInt())) {
                    violations.add(where + ": port " + port.path("port").asText() + " to/from "
                            + (namespace == null ? peer.toString() : "namespace " + namespace));
                }
            });
        }
    }
}
