package io.fraudshield.cardlimit.restriction;

import io.fraudshield.cardlimit.rules.RestrictionStatus;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/**
 * Whether a person may open accounts (joint punishment, docs/rules.md A5): from the local mirror of
 * account-risk-service's restrictions while it is fresh, with no network hop; otherwise from account-risk-service
 * itself, whose failure is UNKNOWN (REVIEW or DENY) — never CLEAR on stale or missing data. A person is judged by
 * every reference they were presented under (each document, under each live pseudonym key): one listing under any of
 * them restricts them, and they are clear only when every reference is.
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

    /** @param customerRefs the applicant's references: every document under every live key (at least one) */
    public RestrictionStatus statusOf(List<String> customerRefs) {
        if (customerRefs.isEmpty()) {
            throw new IllegalArgumentException("a person is judged by at least one reference");
        }
        Optional<RestrictionStatus> local = mirror.statusOf(customerRefs);
        if (local.isPresent()) {
            metrics.answeredByMirror();
            return local.get();
        }
        metrics.answeredByAccountRisk();
        RestrictionStatus answer = RestrictionStatus.CLEAR;
        for (String customerRef : customerRefs) {
            RestrictionStatus status = remote.statusOf(customerRef);
            if (status == RestrictionStatus.RESTRICTED) {
                return status;
            }
            if (status == RestrictionStatus.UNKNOWN) {
                answer = status;
            }
        }
        return answer;
    }
}
