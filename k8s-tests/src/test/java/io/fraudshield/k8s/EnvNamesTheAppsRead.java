package io.fraudshield.k8s;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every environment variable a service container gets (env and envFrom) is one the application reads: a
 * {@code ${NAME}} of its application.properties or of the shared microprofile-config.properties, a Quarkus property
 * set through its environment name (listed below, each checked to be a real property of an extension the services
 * use), a key of a map property the properties files declare (FRAUDSHIELD_PSEUDONYM_KEYS_<ID>...), or JVM options.
 * A misspelt name would otherwise be ignored silently and the default (often the dev value) would win.
 */
final class EnvNamesTheAppsRead implements Invariant {

    /** Quarkus and JVM settings given by their environment names (Quarkus maps QUARKUS_A_B to quarkus.a.b/a-b). */
    static final Set<String> PLATFORM = Set.of(
            "QUARKUS_INIT_AND_EXIT",                 // quarkus.init-and-exit: the migrate init container
            "QUARKUS_SHUTDOWN_TIMEOUT",              // quarkus.shutdown.timeout: graceful shutdown
            "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT",   // quarkus.otel.exporter.otlp.endpoint
            "QUARKUS_REDIS_CLIENT_TYPE",             // quarkus.redis.client-type=sentinel
            "QUARKUS_REDIS_MASTER_NAME",             // quarkus.redis.master-name
            "QUARKUS_REDIS_ROLE",                    // quarkus.redis.role=master
            "QUARKUS_REDIS_PASSWORD",                // quarkus.redis.password: Sentinels and primary alike
            "JAVA_TOOL_OPTIONS");                    // read by the JVM itself, whatever the image's entrypoint

    /** map properties whose keys are key ids: env name prefix -> the property prefix the properties files use */
    static final Map<String, String> KEY_MAPS = Map.of(
            "FRAUDSHIELD_PSEUDONYM_KEYS_", "fraudshield.pseudonym.keys.",
            "FRAUDSHIELD_AUDIT_KEYS_", "fraudshield.audit.keys.",
            "STOPPAYMENT_SEALING_KEYS_", "stoppayment.sealing.keys.");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    @Override
    public List<String> violations(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        Workloads.services(manifests).forEach(service -> {
            String properties = propertiesOf(Manifests.nameOf(service));
            Set<String> read = placeholders(properties);
            for (JsonNode container : Workloads.containers(service)) {
                for (String name : EnvironmentOf.names(manifests, container)) {
                    if (!read.contains(name) && !PLATFORM.contains(name) && !isKeyOfDeclaredMap(name, properties)) {
                        violations.add(Workloads.where(service, container) + ": " + name + " is read by nothing");
                    }
                }
            }
        });
        return violations;
    }

    private static boolean isKeyOfDeclaredMap(String name, String properties) {
        return KEY_MAPS.entrySet().stream().anyMatch(map -> name.startsWith(map.getKey())
                && name.length() > map.getKey().length() && properties.contains(map.getValue()));
    }

    static Set<String> placeholders(String properties) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(properties);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** the service's application.properties followed by the shared defaults of common */
    static String propertiesOf(String service) {
        Path root = Kustomize.repositoryRoot();
        try {
            return Files.readString(root.resolve(service).resolve("src/main/resources/application.properties"))
                    + "\n" + Files.readString(root.resolve("common/src/main/resources/META-INF/microprofile-config.properties"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
