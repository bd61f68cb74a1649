package io.fraudshield.accountrisk.appeal;

import io.fraudshield.accountrisk.restriction.PersonRestriction;
import io.fraudshield.accountrisk.restriction.RestrictionService;
import io.fraudshield.common.audit.AuditEntry;
import io.fraudshield.common.audit.AuditTrail;
import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.caller.Role;
import io.fraudshield.common.problem.ProblemException;
import io.fraudshield.common.problem.ProblemType;
import io.fraudshield.common.pseudonym.Pseudonymizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Appeals (Anti-Telecom Fraud Law art. 32; Joint Punishment Measures arts. 14–16): a bank files for its
 * customer, the listing agency or a regulator decides within the configured time limit, an upheld appeal
 * lifts the restriction in the same transaction. Every step is audited.
 */
@ApplicationScoped
public class AppealService {

    private static final String BASIS = "docs/rules.md A4 art. 32, A5 arts. 14-16";

    private final AppealRepository appeals;
    private final RestrictionService restrictions;
    private final Pseudonymizer pseudonymizer;
    private final AppealConfig config;
    private final AuditTrail audit;

    public AppealService(AppealRepository appeals, RestrictionService restrictions, Pseudonymizer pseudonymizer,
                         AppealConfig config, AuditTrail audit) {
        this.appeals = appeals;
        this.restrictions = restrictions;
        this.pseudonymizer = pseudonymizer;
        this.config = config;
        this.audit = audit;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public AppealView file(Caller bank, AppealRequest request) {
        PersonRestriction restriction = restrictions.inForce(pseudonymizer.customerRef(request.customer()))
                .orElseThrow(() -> new ProblemException(ProblemType.CONFLICT, "The person has no restriction in force to appeal against"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Appeal appeal = new Appeal();
        appeal.id = UUID.randomUUID();
        appeal.restrictionId = restriction.id;
        appeal.listingAgency = restriction.listingAgency;
        appeal.filingBank = bank.participant().value();
        appeal.filedBy = bank.subject();
        appeal.grounds = request.grounds();
        appeal.state = AppealState.FILED;
        appeal.filedAt = now;
        appeal.dueBy = now.atOffset(ZoneOffset.UTC).plus(config.decisionTimeLimit()).toInstant();
        appeals.persist(appeal);
        AppealView view = AppealView.of(appeal, now);
        audit.append(bank, new AuditEntry("appeal.filed", BASIS, "appeal", appeal.id.toString(), null, view));
        return view;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public AppealView decide(Caller decider, UUID id, DecisionRequest request) {
        Appeal appeal = appeals.lock(id).filter(a -> mayDecide(decider, a))
                .orElseThrow(() -> ProblemException.notFound("Appeal " + id));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        AppealView before = AppealView.of(appeal, now);
        appeal.decide(request.outcome(), decider.subject(), decider.participant().value(), request.reason(), now);
        AppealView after = AppealView.of(appeal, now);
        audit.append(decider, new AuditEntry("appeal." + request.outcome().name().toLowerCase(), BASIS, "appeal",
                id.toString(), before, after));
        if (request.outcome() == AppealState.UPHELD) {
            restrictions.lift(decider, appeal.restrictionId, "appeal " + id + " upheld");
        }
        return after;
    }

    /** Read outside a transaction. */
    public AppealView find(Caller caller, UUID id) {
        return appeals.readOnly(id)
                .filter(a -> mayDecide(caller, a) || a.filingBank.equals(caller.participant().value()))
                .map(a -> AppealView.of(a, Instant.now()))
                .orElseThrow(() -> ProblemException.notFound("Appeal " + id));
    }

    private static boolean mayDecide(Caller caller, Appeal appeal) {
        return caller.role() == Role.REGULATOR
                || (caller.role() == Role.POLICE && appeal.listingAgency.equals(caller.participant().value()));
    }
}
