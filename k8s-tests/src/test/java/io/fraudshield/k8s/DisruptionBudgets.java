package io.fraudshield.k8s;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** Every Deployment and StatefulSet has a PodDisruptionBudget whose selector picks its pods. */
final class DisruptionBudgets implements Invariant {

    @Override
    public List<String> violations(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        Workloads.all(manifests).forEach(workload -> {
            JsonNode labels = Workloads.podLabels(workload);
            boolean covered = manifests.ofKind("PodDisruptionBudget")
                    .anyMatch(pdb -> Selectors.matches(pdb.path("spec").path("selector"), labels, false));
            if (!covered) {
                violations.add(Manifests.idOf(workload) + ": no PodDisruptionBudget selects its pods");
            }
        });
        return violations;
    }
}
