package io.fraudshield.k8s;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Redis and its Sentinels refuse unauthenticated clients, and account-risk-service authenticates: redis.conf keeps
 * protected mode, configure.sh writes requirepass and masterauth for Redis and requirepass and auth-pass for the
 * Sentinels from the Secret, the Redis pods' containers get that password from a secretKeyRef (REDISCLI_AUTH for the
 * probes), and account-risk-service's container reads the same Secret key as QUARKUS_REDIS_PASSWORD.
 */
final class RedisAuthenticated implements Invariant {

    static final String SECRET = "fraudshield-redis-auth";

    @Override
    public List<String> violations(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        JsonNode config = manifests.get("ConfigMap", "fraudshield-redis-config").path("data");
        if (config.path("redis.conf").asText().matches("(?s).*protected-mode\\s+no.*")) {
            violations.add("ConfigMap/fraudshield-redis-config: redis.conf turns protected mode off");
        }
        String configure = config.path("configure.sh").asText();
        if (occurrences(configure, "requirepass \\\"${REDIS_PASSWORD}\\\"") < 2) {
            violations.add("ConfigMap/fraudshield-redis-config: configure.sh does not give Redis and Sentinel a requirepass");
        }
        for (String setting : List.of("masterauth", "sentinel auth-pass fraudshield")) {
            if (!configure.contains(setting + " \\\"${REDIS_PASSWORD}\\\"")) {
                violations.add("ConfigMap/fraudshield-redis-config: configure.sh does not write " + setting);
            }
        }
        JsonNode redis = manifests.get("StatefulSet", "fraudshield-redis");
        for (JsonNode container : Workloads.containers(redis)) {
            String variable = container.path("name").asText().equals("configure") ? "REDIS_PASSWORD" : "REDISCLI_AUTH";
            if (secretOf(container, variable).filter(SECRET::equals).isEmpty()) {
                violations.add(Workloads.where(redis, container) + ": " + variable + " is not the password of Secret " + SECRET);
            }
        }
        JsonNode accountRisk = manifests.get("Deployment", "account-risk-service");
        JsonNode service = Workloads.podSpec(accountRisk).path("containers").get(0);
        if (secretOf(service, "QUARKUS_REDIS_PASSWORD").filter(SECRET::equals).isEmpty()) {
            violations.add(Workloads.where(accountRisk, service) + ": QUARKUS_REDIS_PASSWORD is not the password of Secret " + SECRET);
        }
        return violations;
    }

    private static int occurrences(String text, String fragment) {
        return text.split(java.util.regex.Pattern.quote(fragment), -1).length - 1;
    }

    /** The Secret whose key "password" the variable takes, if it takes one. */
    private static Optional<String> secretOf(JsonNode container, String variable) {
        for (JsonNode entry : container.path("env")) {
            JsonNode ref = entry.path("valueFrom").path("secretKeyRef");
            if (entry.path("name").asText().equals(variable) && ref.path("key").asText().equals("password")) {
                return Optional.of(ref.path("name").asText());
            }
        }
        return Optional.empty();
    }
}
