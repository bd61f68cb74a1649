package io.fraudshield.k8s;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * No NetworkPolicy opens egress to every address (an ipBlock of 0.0.0.0/0 or ::/0) except stop-payment-service's
 * rule for the banks' webhooks, which excepts the private and link-local ranges (EdgeReachability checks those).
 * Everything else that leaves the pod network names its peer: the API server's /32s, the object store's, the IdP.
 */
final class NoEgressToEverywhere implements Invariant {

    private static final Set<String> EVERYWHERE = Set.of("0.0.0.0/0", "::/0");
    private static final String WEBHOOK_POLICY = "stop-payment-service";

    @Override
    public List<String> violations(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        manifests.ofKind("NetworkPolicy").forEach(policy -> {
            boolean webhooks = Manifests.nameOf(policy).equals(WEBHOOK_POLICY)
                    && "fraudshield".equals(policy.path("metadata").path("namespace").asText());
            for (JsonNode rule : policy.path("spec").path("egress")) {
                for (JsonNode peer : rule.path("to")) {
                    String cidr = peer.path("ipBlock").path("cidr").asText();
                    if (EVERYWHERE.contains(cidr) && !(webhooks && onlyHttps(rule))) {
                        violations.add(Manifests.idOf(policy) + ": egress to " + cidr);
                    }
                }
            }
        });
        return violations;
    }

    private static boolean onlyHttps(JsonNode rule) {
        return rule.path("ports").size() == 1 && rule.path("ports").get(0).path("port").asInt() == 443;
    }
}
