package io.fraudshield.cardlimit.override;

import io.fraudshield.common.audit.AuditEntry;
import io.fraudshield.common.audit.AuditTrail;
import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.problem.ProblemException;
import io.fraudshield.common.problem.ProblemType;
import io.fraudshield.common.pseudonym.Pseudonymizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * Maker-checker overrides (docs/rules.md A1, BOC: an authorised officer re-verifies and approves): one person
 * asks, another person of the same bank approves, and one reservation uses it. Self-approval is refused.
 */
@ApplicationScoped
public class OverrideService {

    private final LimitOverrideRepository overrides;
    private final Pseudonymizer pseudonymizer;
    private final AuditTrail audit;

    public OverrideService(LimitOverrideRepository overrides, Pseudonymizer pseudonymizer, AuditTrail audit) {
        this.overrides = overrides;
        this.pseudonymizer = pseudonymizer;
        this.audit = audit;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public OverrideView request(Caller maker, OverrideRequest request) {
        LimitOverride override = new LimitOverride();
        override.id = UUID.randomUUID();
        override.bank = maker.participant().value();
        override.customerRef = pseudonymizer.customerRef(request.customer());
        override.limitKind = request.limitKind();
        override.reason = request.reason();
        override.state = OverrideState.PENDING_APPROVAL;
        override.requestedBy = maker.subject();
        override.createdAt = Instant.now();
        overrides.persist(override);
        OverrideView view = OverrideView.of(override);
        audit.append(maker, new AuditEntry("override.requested", "RULES A1 (BOC override)", "limit-override",
                override.id.toString(), null, view));
        return view;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public OverrideView approve(Caller checker, UUID id) {
        LimitOverride override = overrides.lockOwned(id, checker.participant().value())
                .orElseThrow(() -> ProblemException.notFound("Override " + id));
        if (override.requestedBy.equals(checker.subject())) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "Self-approval is refused: another person of this bank must approve the override");
        }
        OverrideView before = OverrideView.of(override);
        override.state = override.state.to(OverrideState.APPROVED);
        override.approvedBy = checker.subject();
        override.approvedAt = Instant.now();
        OverrideView after = OverrideView.of(override);
        audit.append(checker, new AuditEntry("override.approved", "RULES A1 (BOC override)", "limit-override",
                id.toString(), before, after));
        return after;
    }

    @Transactional
    public OverrideView find(Caller caller, UUID id) {
        return overrides.findOwned(id, caller.participant().value()).map(OverrideView::of)
                .orElseThrow(() -> ProblemException.notFound("Override " + id));
    }
}
