package io.fraudshield.k8s;

import java.util.ArrayList;
import java.util.List;

/**
 * A workload an HorizontalPodAutoscaler scales has no {@code replicas}: every apply would reset the autoscaler's count
 * (a scale-down in the middle of a peak). Each service has an autoscaler, and its minimum is at least 2 outside the
 * local overlay's single node.
 */
final class NoReplicasUnderAutoscaler implements Invariant {

    @Override
    public List<String> violations(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        manifests.ofKind("HorizontalPodAutoscaler").forEach(hpa -> {
            var target = hpa.path("spec").path("scaleTargetRef");
            manifests.find(target.path("kind").asText(), target.path("name").asText()).ifPresentOrElse(
                    workload -> {
                        if (workload.path("spec").has("replicas")) {
                            violations.add(Manifests.idOf(workload) + ": sets replicas although "
                                    + Manifests.idOf(hpa) + " scales it");
                        }
                    },
                    () -> violations.add(Manifests.idOf(hpa) + ": scales a workload the overlay does not have"));
        });
        Workloads.services(manifests).forEach(service -> {
            boolean scaled = manifests.ofKind("HorizontalPodAutoscaler").anyMatch(hpa ->
                    hpa.path("spec").path("scaleTargetRef").path("name").asText().equals(Manifests.nameOf(service)));
            if (!scaled) {
                violations.add(Manifests.idOf(service) + ": no HorizontalPodAutoscaler");
            }
        });
        return violations;
    }
}
