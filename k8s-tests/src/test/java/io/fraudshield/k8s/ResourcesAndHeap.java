package io.fraudshield.k8s;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every container requests CPU and memory and has a memory limit; a JVM container sizes its heap as a share of that
 * limit (-XX:MaxRAMPercentage at most 75, no fixed -Xmx that could outgrow it) and asks for the memory it may use
 * (request = limit: a JVM does not give heap back, so anything less is overcommitted).
 */
final class ResourcesAndHeap implements Invariant {

    private static final Pattern MAX_RAM = Pattern.compile("-XX:MaxRAMPercentage=(\\d+(?:\\.\\d+)?)");

    @Override
    public List<String> violations(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        Workloads.all(manifests).forEach(workload -> {
            for (JsonNode container : Workloads.containers(workload)) {
                String where = Workloads.where(workload, container);
                JsonNode resources = container.path("resources");
                for (String field : List.of("requests.cpu", "requests.memory", "limits.memory", "limits.cpu")) {
                    String[] path = field.split("\\.");
                    if (resources.path(path[0]).path(path[1]).isMissingNode()) {
                        violations.add(where + ": no resources." + field);
                    }
                }
            }
        });
        Workloads.services(manifests).forEach(workload -> {
            for (JsonNode container : Workloads.containers(workload)) {
                String where = Workloads.where(workload, container);
                JsonNode resources = container.path("resources");
                if (!resources.path("requests").path("memory").equals(resources.path("limits").path("memory"))) {
                    violations.add(where + ": JVM memory request differs from its limit");
                }
                String options = EnvironmentOf.value(manifests, container, "JAVA_TOOL_OPTIONS").orElse("");
                Matcher share = MAX_RAM.matcher(options);
                if (!share.find() || Double.parseDouble(share.group(1)) > 75) {
                    violations.add(where + ": JAVA_TOOL_OPTIONS lacks -XX:MaxRAMPercentage <= 75 (" + options + ")");
                }
                if (options.contains("-Xmx")) {
                    violations.add(where + ": fixed -Xmx instead of a share of the memory limit");
                }
            }
        });
        return violations;
    }
}
