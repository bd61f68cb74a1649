package io.fraudshield.k8s;

import java.util.List;

/** Every invariant the rendered overlays keep (docs/deploy.md, "What the build checks"). */
final class Invariants {

    static final List<Invariant> ALL = List.of(
            new ProbesOnManagementPort(),
            new ResourcesAndHeap(),
            new RestrictedSecurity(),
            new NoReplicasUnderAutoscaler(),
            new DisruptionBudgets(),
            new ReferencedKeysDeclared(),
            new NetworkPolicyCoverage(),
            new EdgeReachability(),
            new EnvNamesTheAppsRead(),
            new GracefulTermination(),
            new SecretsNeverValued());

    private Invariants() {
    }
}
