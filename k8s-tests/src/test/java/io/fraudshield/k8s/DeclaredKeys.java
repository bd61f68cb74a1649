package io.fraudshield.k8s;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which ConfigMaps and Secrets the rendered overlay makes, with their keys. Secrets come only from ExternalSecrets
 * (their target, keys from the template when it has one) and from the CloudNativePG operator, which makes
 * {@code <cluster>-app} for the owner of bootstrap.initdb and {@code <cluster>-ca} for each Cluster.
 */
final class DeclaredKeys {

    private static final Set<String> CNPG_APP_KEYS = Set.of("username", "password", "host", "port", "dbname", "uri",
            "jdbc-uri", "pgpass");
    private static final Set<String> CNPG_CA_KEYS = Set.of("ca.crt", "ca.key");

    private final Map<String, Set<String>> configMaps = new HashMap<>();
    private final Map<String, Set<String>> secrets = new HashMap<>();

    DeclaredKeys(Manifests manifests) {
        manifests.ofKind("ConfigMap").forEach(map -> configMaps.put(Manifests.nameOf(map), fieldNames(map.path("data"))));
        manifests.ofKind("ExternalSecret").forEach(external -> {
            JsonNode target = external.path("spec").path("target");
            String name = target.path("name").asText(Manifests.nameOf(external));
            Set<String> keys = new LinkedHashSet<>();
            JsonNode template = target.path("template").path("data");
            if (template.isObject()) {
                keys.addAll(fieldNames(template));
            } else {
                external.path("spec").path("data").forEach(entry -> keys.add(entry.path("secretKey").asText()));
            }
            secrets.put(name, keys);
        });
        manifests.ofKind("Cluster").forEach(cluster -> {
            String name = Manifests.nameOf(cluster);
            if (cluster.path("spec").path("bootstrap").path("initdb").has("owner")) {
                secrets.put(name + "-app", CNPG_APP_KEYS);
            }
            secrets.put(name + "-ca", CNPG_CA_KEYS);
        });
    }

    Optional<Set<String>> configMap(String name) {
        return Optional.ofNullable(configMaps.get(name));
    }

    Optional<Set<String>> secret(String name) {
        return Optional.ofNullable(secrets.get(name));
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new LinkedHashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
