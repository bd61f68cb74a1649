package io.fraudshield.k8s;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * What Pod Security "restricted" demands (the namespace enforces it, so a pod that breaks it would never start) plus
 * a read-only root filesystem with a writable emptyDir on /tmp, and no service account token in the pods.
 */
final class RestrictedSecurity implements Invariant {

    @Override
    public List<String> violations(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        manifests.ofKind("Namespace").forEach(namespace -> {
            if (!"restricted".equals(namespace.path("metadata").path("labels")
                    .path("pod-security.kubernetes.io/enforce").asText())
                    && Manifests.nameOf(namespace).equals("fraudshield")) {
                violations.add(Manifests.idOf(namespace) + ": Pod Security is not enforced as restricted");
            }
        });
        Workloads.all(manifests).forEach(workload -> {
            JsonNode pod = Workloads.podSpec(workload);
            String id = Manifests.idOf(workload);
            if (!pod.path("securityContext").path("runAsNonRoot").asBoolean()) {
                violations.add(id + ": runAsNonRoot is not true");
            }
            if (!"RuntimeDefault".equals(pod.path("securityContext").path("seccompProfile").path("type").asText())) {
                violations.add(id + ": seccompProfile is not RuntimeDefault");
            }
            if (pod.path("automountServiceAccountToken").asBoolean(true)) {
                violations.add(id + ": mounts a service account token it never uses");
            }
            for (JsonNode container : Workloads.containers(workload)) {
                String where = Workloads.where(workload, container);
                JsonNode context = container.path("securityContext");
                if (context.path("allowPrivilegeEscalation").asBoolean(true)) {
                    violations.add(where + ": allowPrivilegeEscalation is not false");
                }
                if (!context.path("readOnlyRootFilesystem").asBoolean()) {
                    violations.add(where + ": root filesystem is writable");
                }
                JsonNode drop = context.path("capabilities").path("drop");
                if (!(drop.size() == 1 && "ALL".equals(drop.get(0).asText()))) {
                    violations.add(where + ": does not drop ALL capabilities");
                }
                if (context.path("runAsUser").asInt(-1) == 0 || context.path("privileged").asBoolean()) {
                    violations.add(where + ": runs as root or privileged");
                }
            }
        });
        Workloads.services(manifests).forEach(workload -> {
            for (JsonNode container : Workloads.containers(workload)) {
                if (!mountsEmptyDirOnTmp(workload, container)) {
                    violations.add(Workloads.where(workload, container) + ": no emptyDir on /tmp");
                }
            }
        });
        return violations;
    }

    private static boolean mountsEmptyDirOnTmp(JsonNode workload, JsonNode container) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if (mount.path("mountPath").asText().equals("/tmp")) {
                for (JsonNode volume : Workloads.podSpec(workload).path("volumes")) {
                    if (volume.path("name").equals(mount.path("name")) && volume.has("emptyDir")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
