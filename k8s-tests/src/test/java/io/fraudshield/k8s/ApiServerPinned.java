package io.fraudshield.k8s;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Production's way to the Kubernetes API (for the CloudNativePG pods) names the API server's own addresses, one /32
 * (or /128) each, and only the API server's ports: the operator fills them in the overlay (docs/deploy.md).
 */
final class ApiServerPinned implements Invariant {

    static final String POLICY = "fraudshield-postgres-kube-api-egress";

    @Override
    public List<String> violations(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        JsonNode policy = manifests.get("NetworkPolicy", POLICY);
        for (JsonNode rule : policy.path("spec").path("egress")) {
            if (rule.path("to").isEmpty()) {
                violations.add(Manifests.idOf(policy) + ": a rule without peers reaches every address");
            }
            for (JsonNode peer : rule.path("to")) {
                String cidr = peer.path("ipBlock").path("cidr").asText();
                if (!(cidr.endsWith("/32") && !cidr.contains(":")) && !(cidr.contains(":") && cidr.endsWith("/128"))) {
                    violations.add(Manifests.idOf(policy) + ": peer " + peer + " is not one address (/32)");
                }
            }
            rule.path("ports").forEach(port -> {
                if (port.path("port").asInt() != 443 && port.path("port").asInt() != 6443) {
                    violations.add(Manifests.idOf(policy) + ": port " + port.path("port").asText());
                }
            });
        }
        return violations;
    }
}
