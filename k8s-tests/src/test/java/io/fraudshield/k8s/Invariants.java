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
            new SecretsNeverValued(),
            new RedisAuthenticated(),
            new NoEgressToEverywhere(),
            new TraceContextDroppedAtEdge(),
            new EdgeNamespaceLockedDown(),
            new PostgresImagePinned(false));

    /** Production only: what a single-node trial cluster cannot have (an object store, its API server's /32). */
    static final List<Invariant> PRODUCTION = List.of(
            new PostgresImagePinned(true),
            new ApiServerPinned(),
            new BackupsConfigured());

    private Invariants() {
    }
}
