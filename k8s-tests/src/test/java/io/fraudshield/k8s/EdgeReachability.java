package io.fraudshield.k8s;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Who may talk to the services, read from the NetworkPolicies that select them: the API port (8080) only from the
 * gateway namespace (and account-risk-service's also from the two services that call it), the management port
 * (9000) only from namespace monitoring, and only stop-payment-service may leave the cluster through an ipBlock
 * (the banks' webhooks; the cluster's private ranges excepted).
 */
final class EdgeReachability implements Invariant {

    static final String GATEWAY_NAMESPACE = "fraudshield-gateway";
    static final String MONITORING_NAMESPACE = "monitoring";
    private static final Set<String> CALLERS_OF_ACCOUNT_RISK = Set.of("card-limit-service", "stop-payment-service");
    private static final Set<String> PRIVATE_RANGES = Set.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16");

    @Override
    public List<String> violations(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        Workloads.services(manifests).forEach(service -> {
            String name = Manifests.nameOf(service);
            JsonNode labels = Workloads.podLabels(service);
            manifests.ofKind("NetworkPolicy")
                    .filter(policy -> Selectors.matches(policy.path("spec").path("podSelector"), labels, true))
                    .forEach(policy -> {
                        String id = Manifests.idOf(policy) + " (" + name + ")";
                        for (JsonNode rule : policy.path("spec").path("ingress")) {
                            checkIngress(id, name, rule, violations);
                        }
                        for (JsonNode rule : policy.path("spec").path("egress")) {
                            checkEgress(id, name, rule, violations);
                        }
                    });
        });
        return violations;
    }

    private static void checkIngress(String id, String service, JsonNode rule, List<String> violations) {
        if (rule.path("ports").isEmpty() || rule.path("from").isEmpty()) {
            violations.add(id + ": an ingress rule open to every port or every peer");
            return;
        }
        for (JsonNode port : rule.path("ports")) {
            int number = port.path("port").asInt();
            for (JsonNode peer : rule.path("from")) {
                String namespace = namespaceOf(peer);
                String pod = peer.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText("");
                boolean allowed = switch (number) {
                    case 8080 -> (GATEWAY_NAMESPACE.equals(namespace) && !peer.has("podSelector"))
                            || (namespace == null && service.equals("account-risk-service")
                            && CALLERS_OF_ACCOUNT_RISK.contains(pod));
                    case 9000 -> MONITORING_NAMESPACE.equals(namespace) && !peer.has("podSelector");
                    default -> false;
                };
                if (!allowed) {
                    violations.add(id + ": port " + number + " admits " + peer);
                }
            }
        }
    }

    private static void checkEgress(String id, String service, JsonNode rule, List<String> violations) {
        if (rule.path("to").isEmpty()) {
            violations.add(id + ": an egress rule to every destination");
            return;
        }
        for (JsonNode peer : rule.path("to")) {
            JsonNode block = peer.path("ipBlock");
            if (block.isMissingNode()) {
                continue;
            }
            if (!service.equals("stop-payment-service")) {
                violations.add(id + ": egress to " + block.path("cidr").asText() + " outside the cluster");
                continue;
            }
            Set<String> except = new java.util.HashSet<>();
            block.path("except").forEach(range -> except.add(range.asText()));
            if (!except.containsAll(PRIVATE_RANGES)) {
                violations.add(id + ": webhook egress does not except the private ranges " + PRIVATE_RANGES);
            }
            for (JsonNode port : rule.path("ports")) {
                if (port.path("port").asInt() != 443) {
                    violations.add(id + ": webhook egress on port " + port.path("port").asText() + ", not 443");
                }
            }
            if (rule.path("ports").isEmpty()) {
                violations.add(id + ": webhook egress on every port");
            }
        }
    }

    private static String namespaceOf(JsonNode peer) {
        JsonNode selector = peer.path("namespaceSelector");
        return selector.isMissingNode() ? null
                : selector.path("matchLabels").path("kubernetes.io/metadata.name").asText("*");
    }
}
