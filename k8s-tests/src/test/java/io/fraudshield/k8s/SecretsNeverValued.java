package io.fraudshield.k8s;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Secrets are referenced, never valued: the overlay renders no Secret object, and no container gets a literal value
 * for a variable that holds a password, key or client secret (those come from secretKeyRef / envFrom secretRef).
 * The migrate init container's "migrations-only" client settings are the one exception: required at start-up,
 * never used, no credential.
 */
final class SecretsNeverValued implements Invariant {

    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|_KEYS_|TOKEN).*");
    private static final Set<String> PLACEHOLDERS = Set.of("migrations-only");

    @Override
    public List<String> violations(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        manifests.ofKind("Secret").forEach(secret -> violations.add(Manifests.idOf(secret) + ": a Secret with its values"));
        manifests.ofKind("ConfigMap").forEach(map -> map.path("data").fieldNames().forEachRemaining(key -> {
            if (SECRET_NAME.matcher(key).matches() && !key.endsWith("_ENDPOINT")) {
                violations.add(Manifests.idOf(map) + ": " + key + " looks like a secret in a ConfigMap");
            }
        }));
        Workloads.all(manifests).forEach(workload -> {
            for (JsonNode container : Workloads.containers(workload)) {
                for (JsonNode entry : container.path("env")) {
                    String name = entry.path("name").asText();
                    if (entry.has("value") && SECRET_NAME.matcher(name).matches()
                            && !PLACEHOLDERS.contains(entry.path("value").asText())) {
                        violations.add(Workloads.where(workload, container) + ": " + name + " has a literal value");
                    }
                }
            }
        });
        return violations;
    }
}
