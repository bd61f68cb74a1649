package io.fraudshield.stoppayment.order;

import io.fraudshield.common.audit.AuditEntry;
import io.fraudshield.common.audit.AuditTrail;
import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.caller.Role;
import io.fraudshield.common.identifier.AccountNumber;
import io.fraudshield.common.identifier.ParticipantCode;
import io.fraudshield.common.money.Money;
import io.fraudshield.common.problem.ProblemException;
import io.fraudshield.common.problem.ProblemType;
import io.fraudshield.common.pseudonym.Pseudonymizer;
import io.fraudshield.stoppayment.participant.ParticipantService;
import io.fraudshield.stoppayment.rules.StopPaymentConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Police orders (docs/rules.md A6): a stop or freeze on one account at one institution, a renewal or a release
 * quoting an earlier order, and the officer's approval of follow-ups waiting in the queue. A case's orders are
 * serialised by a lock on the case row, so the two-stops rule holds under concurrent submissions.
 */
@ApplicationScoped
public class OrderService {

    static final String LEGAL_BASIS_A6 = "docs/rules.md A6";

    private final OrderRepository orders;
    private final ParticipantService participants;
    private final OrderDispatcher dispatcher;
    private final Pseudonymizer pseudonymizer;
    private final AuditTrail audit;
    private final StopPaymentConfig config;

    public OrderService(OrderRepository orders, ParticipantService participants, OrderDispatcher dispatcher,
                        Pseudonymizer pseudonymizer, AuditTrail audit, StopPaymentConfig config) {
        this.orders = orders;
        this.participants = participants;
        this.dispatcher = dispatcher;
        this.pseudonymizer = pseudonymizer;
        this.audit = audit;
        this.config = config;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public OrderView submit(Caller police, SubmitOrderRequest request) {
        OrderForm.check(request);
        Instant now = Instant.now();
        StopCase stopCase = orders.openAndLockCase(request.caseNumber(), police.participant().value(), police.subject(), now);
        if (!stopCase.agency.equals(police.participant().value())) {
            throw ProblemException.notFound("Case " + request.caseNumber());
        }
        if (request.majorCaseApproval() != null && stopCase.majorCaseApproval == null) {
            stopCase.majorCaseApproval = request.majorCaseApproval();
        }
        StopOrder order = new StopOrder();
        order.id = UUID.randomUUID();
        order.caseId = stopCase.id;
        order.agency = stopCase.agency;
        order.kind = request.kind();
        order.state = OrderState.PENDING_APPROVAL;
        order.documentNumber = request.legalDocument().number();
        order.documentIssuer = request.legalDocument().issuingAuthority();
        order.documentSha256 = request.legalDocument().sha256();
        order.approvingOfficer = request.approvingOfficer();
        order.legalBasis = "legal document " + request.legalDocument().number() + " of "
                + request.legalDocument().issuingAuthority() + ", approved by " + request.approvingOfficer();
        order.issuedBy = police.subject();
        order.victimRef = request.victimRef();
        order.createdAt = now;
        if (request.kind().holdsMoney()) {
            ParticipantCode target = targetOf(request);
            describeAccount(order, target, request.accountNumber(), request.holderName());
            order.layer = 1;
            order.freezeMode = request.freezeMode();
            order.requestedAmount = request.amount().amount();
            if (request.transaction() != null) {
                order.transactionTime = request.transaction().time();
                order.transactionAmount = request.transaction().amount().amount();
            }
            if (order.kind == OrderKind.STOP_PAYMENT) {
                refuseThirdStop(stopCase, order.accountRef);
            }
        } else {
            quoteOriginal(police, stopCase, order, request.originalOrderId(), now);
        }
        orders.persist(order);
        dispatcher.issue(order, stopCase.caseNumber, now);
        OrderView view = OrderView.of(order, stopCase.caseNumber);
        audit.append(police, new AuditEntry("order.issued", LEGAL_BASIS_A6 + "; " + order.legalBasis, "stop-order",
                order.id.toString(), null, view));
        return view;
    }

    /** Fills account, holder and target of a stop or freeze (also of a follow-up). */
    public void describeAccount(StopOrder order, ParticipantCode target, AccountNumber account, String holderName) {
        order.target = target.value();
        order.accountRef = pseudonymizer.accountRef(target, account);
        order.accountMasked = account.masked();
        order.holderDigest = pseudonymizer.digest(HolderNames.DIGEST_DOMAIN, HolderNames.canonical(holderName));
        order.sealedDetails = dispatcher.seal(order.id, new OrderDetails(account.canonicalNumber(), holderName));
    }

    /** docs/rules.md A6: a third stop on the same account in a case is refused. */
    public void refuseThirdStop(StopCase stopCase, String accountRef) {
        if (orders.stopsOnAccount(stopCase.id, accountRef) >= config.stop().maxPerAccount()) {
            throw new ProblemException(ProblemType.ORDER_LIMIT_REACHED, "This account has had "
                    + config.stop().maxPerAccount() + " stops in this case already (docs/rules.md A6); freeze it instead");
        }
    }

    private ParticipantCode targetOf(SubmitOrderRequest request) {
        String code = request.target() != null ? request.target().value()
                : participants.ownerOfBin(request.accountNumber().canonicalNumber()).orElseThrow(() ->
                ProblemException.invalidField("$.target", "no registered bank holds this card's BIN: name the target"));
        return participants.receiver(code).map(p -> ParticipantCode.of(p.code)).orElseThrow(() ->
                ProblemException.invalidField("$.target", "not a registered bank or payment institution"));
    }

    private void quoteOriginal(Caller police, StopCase stopCase, StopOrder order, UUID originalId, Instant now) {
        StopOrder original = orders.lock(originalId).filter(o -> OrderAccess.mayRead(police, o))
                .orElseThrow(() -> ProblemException.notFound("Order " + originalId));
        if (!original.caseId.equals(stopCase.id)) {
            throw ProblemException.invalidField("$.originalOrderId", "the original order belongs to another case");
        }
        if (order.kind == OrderKind.EXTEND && original.kind != OrderKind.FREEZE) {
            throw ProblemException.invalidField("$.originalOrderId", "only a freeze is renewed; a stop is repeated as a new stop");
        }
        if (!original.kind.holdsMoney()) {
            throw ProblemException.invalidField("$.originalOrderId", "quote the stop or freeze itself");
        }
        if (original.state == OrderState.EXPIRED || original.state == OrderState.RELEASED
                || (original.endsAt != null && !now.isBefore(original.endsAt))) {
            throw new ProblemException(ProblemType.ORDER_EXPIRED, "The quoted order ended at "
                    + (original.endedAt != null ? original.endedAt : original.endsAt) + "; renewals and releases come before expiry");
        }
        if (!original.state.holds()) {
            throw new ProblemException(ProblemType.CONFLICT, "The quoted order holds no money (state " + original.state + ")");
        }
        order.originalOrderId = original.id;
        order.target = original.target;
        order.accountRef = original.accountRef;
        order.accountMasked = original.accountMasked;
        order.holderDigest = original.holderDigest;
        order.freezeMode = original.freezeMode;
        order.requestedAmount = original.stoppedAmount;
        order.layer = original.layer;
        order.parentOrderId = original.parentOrderId;
    }

    /** The order, if the caller may read it; 404 otherwise. */
    @Transactional(Transactional.TxType.MANDATORY)
    public StopOrder readable(Caller caller, UUID id) {
        return orders.find(id).filter(o -> OrderAccess.mayRead(caller, o))
                .orElseThrow(() -> ProblemException.notFound("Order " + id));
    }

    /** Follow-ups in this officer's queue. */
    @Transactional
    public List<OrderView> awaitingApproval(Caller officer) {
        return orders.awaitingApproval(officer.participant().value(), officer.subject()).stream()
                .map(o -> OrderView.of(o, caseNumber(o))).toList();
    }

    /** One-click approval of a follow-up by the case's officer: it is issued at once, with this approval as basis. */
    @Transactional(Transactional.TxType.MANDATORY)
    public OrderView approve(Caller officer, UUID id) {
        StopOrder order = orders.lock(id).filter(o -> OrderAccess.mayRead(officer, o))
                .orElseThrow(() -> ProblemException.notFound("Order " + id));
        StopCase stopCase = orders.findCase(order.caseId).orElseThrow();
        if (!stopCase.officer.equals(officer.subject())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only the case's officer approves its follow-ups");
        }
        OrderView before = OrderView.of(order, stopCase.caseNumber);
        Instant now = Instant.now();
        order.state.to(OrderState.ISSUED); // only a waiting follow-up can be approved: anything else is 409 here
        order.approvingOfficer = officer.subject();
        order.legalBasis = "approved by officer " + officer.subject() + " at " + now + " (follow-up of order "
                + order.parentOrderId + ", layer " + order.layer + ", case document " + order.documentNumber + ")";
        dispatcher.issue(order, stopCase.caseNumber, now);
        OrderView after = OrderView.of(order, stopCase.caseNumber);
        audit.append(officer, new AuditEntry("order.approved", LEGAL_BASIS_A6 + "; " + order.legalBasis, "stop-order",
                id.toString(), before, after));
        return after;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public StandingAuthorisationView authorise(Caller officer, String caseNumber, StandingAuthorisationRequest request) {
        StopCase found = orders.caseByNumber(caseNumber).filter(c -> officer.role() == Role.POLICE
                        && c.agency.equals(officer.participant().value()))
                .orElseThrow(() -> ProblemException.notFound("Case " + caseNumber));
        StopCase stopCase = orders.lockCase(found.id);
        if (!stopCase.officer.equals(officer.subject())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only the case's officer grants a standing authorisation");
        }
        if (request.maxLayer() > config.trail().maxDepth()) {
            throw ProblemException.invalidField("$.maxLayer", "at most " + config.trail().maxDepth() + " (stoppayment.trail.max-depth)");
        }
        Instant now = Instant.now();
        if (!request.validUntil().isAfter(now)) {
            throw ProblemException.invalidField("$.validUntil", "must be in the future");
        }
        StandingAuthorisation authorisation = new StandingAuthorisation();
        authorisation.id = UUID.randomUUID();
        authorisation.caseId = stopCase.id;
        authorisation.officer = officer.subject();
        authorisation.maxLayer = request.maxLayer();
        authorisation.maxAmount = Money.of(request.maxAmount().amount()).amount();
        authorisation.validUntil = request.validUntil();
        authorisation.legalBasis = request.legalBasis();
        authorisation.createdAt = now;
        orders.persist(authorisation);
        StandingAuthorisationView view = StandingAuthorisationView.of(authorisation, caseNumber);
        audit.append(officer, new AuditEntry("case.standing-authorisation.granted", LEGAL_BASIS_A6 + "; " + request.legalBasis(),
                "stop-case", caseNumber, null, view));
        return view;
    }

    @Transactional
    public StandingAuthorisationView authorisation(Caller caller, String caseNumber, UUID id) {
        return orders.caseByNumber(caseNumber)
                .filter(c -> caller.role() == Role.REGULATOR || c.agency.equals(caller.participant().value()))
                .flatMap(c -> orders.authorisations(c.id).stream().filter(a -> a.id.equals(id)).findFirst())
                .map(a -> StandingAuthorisationView.of(a, caseNumber))
                .orElseThrow(() -> ProblemException.notFound("Standing authorisation " + id));
    }

    public String caseNumber(StopOrder order) {
        return orders.findCase(order.caseId).map(c -> c.caseNumber).orElseThrow();
    }
}
