package io.fraudshield.k8s;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every ConfigMap and Secret a pod names (env valueFrom, envFrom, volumes), and every key it picks from one, is made
 * by the overlay itself (a ConfigMap, an ExternalSecret target) or by the CloudNativePG operator: nothing waits for a
 * Secret someone must remember to create by hand.
 */
final class ReferencedKeysDeclared implements Invariant {

    @Override
    public List<String> violations(Manifests manifests) {
        DeclaredKeys declared = new DeclaredKeys(manifests);
        List<String> violations = new ArrayList<>();
        Workloads.all(manifests).forEach(workload -> {
            for (JsonNode container : Workloads.containers(workload)) {
                String where = Workloads.where(workload, container);
                for (JsonNode entry : container.path("env")) {
                    JsonNode from = entry.path("valueFrom");
                    check(where, "ConfigMap", from.path("configMapKeyRef"), declared.configMap(
                            from.path("configMapKeyRef").path("name").asText()), violations);
                    check(where, "Secret", from.path("secretKeyRef"), declared.secret(
                            from.path("secretKeyRef").path("name").asText()), violations);
                }
                for (JsonNode source : container.path("envFrom")) {
                    String map = source.path("configMapRef").path("name").asText(null);
                    if (map != null && declared.configMap(map).isEmpty()) {
                        violations.add(where + ": envFrom ConfigMap " + map + " is not declared");
                    }
                    String secret = source.path("secretRef").path("name").asText(null);
                    if (secret != null && declared.secret(secret).isEmpty()) {
                        violations.add(where + ": envFrom Secret " + secret + " is not declared");
                    }
                }
            }
            for (JsonNode volume : Workloads.podSpec(workload).path("volumes")) {
                String where = Manifests.idOf(workload) + " volume " + volume.path("name").asText();
                if (volume.has("configMap")) {
                    volumeKeys(where, "ConfigMap", volume.path("configMap"),
                            declared.configMap(volume.path("configMap").path("name").asText()), violations);
                }
                if (volume.has("secret")) {
                    volumeKeys(where, "Secret", volume.path("secret"),
                            declared.secret(volume.path("secret").path("secretName").asText()), violations);
                }
            }
        });
        return violations;
    }

    private static void check(String where, String kind, JsonNode ref, Optional<Set<String>> keys,
                              List<String> violations) {
        if (ref.isMissingNode() || ref.path("optional").asBoolean()) {
            return;
        }
        String name = ref.path("name").asText();
        String key = ref.path("key").asText();
        if (keys.isEmpty()) {
            violations.add(where + ": " + kind + " " + name + " is not declared");
        } else if (!keys.get().contains(key)) {
            violations.add(where + ": " + kind + " " + name + " has no key " + key);
        }
    }

    private static void volumeKeys(String where, String kind, JsonNode source, Optional<Set<String>> keys,
                                   List<String> violations) {
        if (source.path("optional").asBoolean()) {
            return;
        }
        if (keys.isEmpty()) {
            violations.add(where + ": " + kind + " is not declared");
            return;
        }
        for (JsonNode item : source.path("items")) {
            if (!keys.get().contains(item.path("key").asText())) {
                violations.add(where + ": " + kind + " has no key " + item.path("key").asText());
            }
        }
    }
}
