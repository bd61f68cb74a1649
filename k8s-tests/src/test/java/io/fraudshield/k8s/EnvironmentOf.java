package io.fraudshield.k8s;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** The environment a container gets: its env entries plus every key of the ConfigMaps and Secrets in envFrom. */
final class EnvironmentOf {

    private EnvironmentOf() {
    }

    static Set<String> names(Manifests manifests, JsonNode container) {
        DeclaredKeys declared = new DeclaredKeys(manifests);
        Set<String> names = new LinkedHashSet<>();
        container.path("env").forEach(entry -> names.add(entry.path("name").asText()));
        for (JsonNode source : container.path("envFrom")) {
            if (source.has("configMapRef")) {
                declared.configMap(source.path("configMapRef").path("name").asText()).ifPresent(names::addAll);
            }
            if (source.has("secretRef")) {
                declared.secret(source.path("secretRef").path("name").asText()).ifPresent(names::addAll);
            }
        }
        return names;
    }

    /** A literal value (env value, or a ConfigMap key through envFrom); secrets have none here. */
    static Optional<String> value(Manifests manifests, JsonNode container, String name) {
        for (JsonNode entry : container.path("env")) {
            if (entry.path("name").asText().equals(name) && entry.has("value")) {
                return Optional.of(entry.path("value").asText());
            }
        }
        for (JsonNode source : container.path("envFrom")) {
            String mapName = source.path("configMapRef").path("name").asText(null);
            if (mapName != null) {
                Optional<String> value = manifests.find("ConfigMap", mapName)
                        .map(map -> map.path("data").path(name))
                        .filter(JsonNode::isTextual)
                        .map(JsonNode::asText);
                if (value.isPresent()) {
                    return value;
                }
            }
        }
        return Optional.empty();
    }
}
