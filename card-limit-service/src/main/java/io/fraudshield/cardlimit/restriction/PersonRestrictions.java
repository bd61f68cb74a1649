package io.fraudshield.cardlimit.restriction;

import io.fraudshield.cardlimit.rules.RestrictionStatus;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * Whether a person may open accounts (joint punishment, docs/rules.md A5): from the local mirror of
 * account-risk-service's restrictions while it is fresh, with no network hop; otherwise from account-risk-service
 * itself, whose failure is UNKNOWN (REVIEW or DENY) — never CLEAR on stale or missing data.
 */
@ApplicationScoped
public class PersonRestrictions {

    private final RestrictionMirror mirror;
    private final RemoteRestrictions remote;
    private final RestrictionMirrorMetrics metrics;

    public PersonRestrictions(RestrictionMirror mirror, RemoteRestrictions remote, RestrictionMirrorMetrics metrics) {
        this.mirror = mirror;
        this.remote = remote;
        this.metrics = metrics;
    }

    public RestrictionStatus statusOf(String customerRef) {
        Optional<RestrictionStatus> local = mirror.statusOf(customerRef);
        if (local.isPresent()) {
            metrics.answeredByMirror();
            return local.get();
        }
        metrics.answeredByAccountRisk();
        return remote.statusOf(customerRef);
    }
}
