package io.fraudshield.stoppayment.trail;

import io.fraudshield.common.audit.AuditEntry;
import io.fraudshield.common.audit.AuditTrail;
import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.problem.ProblemException;
import io.fraudshield.common.pseudonym.Pseudonymizer;
import io.fraudshield.stoppayment.feedback.OnwardTransferReport;
import io.fraudshield.stoppayment.order.OnwardTransfer;
import io.fraudshield.stoppayment.order.OrderDispatcher;
import io.fraudshield.stoppayment.order.OrderKind;
import io.fraudshield.stoppayment.order.OrderRepository;
import io.fraudshield.stoppayment.order.OrderService;
import io.fraudshield.stoppayment.order.OrderState;
import io.fraudshield.stoppayment.order.OrderView;
import io.fraudshield.stoppayment.order.StandingAuthorisation;
import io.fraudshield.stoppayment.order.StopCase;
import io.fraudshield.stoppayment.order.StopOrder;
import io.fraudshield.stoppayment.participant.ParticipantService;
import io.fraudshield.stoppayment.rules.StopPaymentConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The money trail: each onward transfer a bank reports becomes, in the same transaction as the feedback, a stop
 * order to the next institution (same case, layer + 1, de-duplicated by transaction id). Every order stays a
 * police act: it is issued at once under the case officer's standing authorisation when one covers it (that
 * authorisation is its legal basis), and otherwise waits in the officer's queue.
 */
@ApplicationScoped
public class TrailService {

    private final OrderRepository orders;
    private final OrderService orderService;
    private final OrderDispatcher dispatcher;
    private final ParticipantService participants;
    private final Pseudonymizer pseudonymizer;
    private final AuditTrail audit;
    private final FollowUpPolicy policy;

    public TrailService(OrderRepository orders, OrderService orderService, OrderDispatcher dispatcher,
                        ParticipantService participants, Pseudonymizer pseudonymizer, AuditTrail audit,
                        StopPaymentConfig config) {
        this.orders = orders;
        this.orderService = orderService;
        this.dispatcher = dispatcher;
        this.participants = participants;
        this.pseudonymizer = pseudonymizer;
        this.audit = audit;
        this.policy = new FollowUpPolicy(config.trail().maxDepth());
    }

    /**
     * Records the transfer and follows it if the rules allow.
     *
     * @return what is still missing at the parent account after this transfer
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public BigDecimal follow(Caller bank, StopCase stopCase, StopOrder parent, OnwardTransferReport report,
                             BigDecimal stillMissing, Instant now) {
        OnwardTransfer transfer = new OnwardTransfer();
        transfer.id = UUID.randomUUID();
        transfer.orderId = parent.id;
        transfer.transactionId = report.transactionId();
        transfer.bank = report.bank().value();
        transfer.accountRef = pseudonymizer.accountRef(report.bank(), report.accountNumber());
        transfer.accountMasked = report.accountNumber().masked();
        transfer.amount = report.amount().amount();
        transfer.transferredAt = report.time();
        orders.persist(transfer);

        Optional<StopOrder> earlier = orders.byTransaction(stopCase.id, report.transactionId());
        if (earlier.isPresent()) {
            transfer.followUpId = earlier.get().id;
            transfer.notFollowed = FollowUpPolicy.NotFollowed.DUPLICATE_TRANSACTION.name();
            return stillMissing;
        }
        if (participants.receiver(report.bank().value()).isEmpty()) {
            transfer.notFollowed = FollowUpPolicy.NotFollowed.UNKNOWN_INSTITUTION.name();
            return stillMissing;
        }
        FollowUpPolicy.Decision decision = policy.decide(parent.layer, transfer.amount, stillMissing);
        if (!decision.follows()) {
            transfer.notFollowed = decision.notFollowed().name();
            return stillMissing;
        }
        StopOrder followUp = new StopOrder();
        followUp.id = UUID.randomUUID();
        followUp.caseId = stopCase.id;
        followUp.agency = stopCase.agency;
        followUp.kind = OrderKind.STOP_PAYMENT;
        followUp.state = OrderState.PENDING_APPROVAL;
        followUp.layer = decision.layer();
        followUp.parentOrderId = parent.id;
        followUp.sourceTransactionId = report.transactionId();
        orderService.describeAccount(followUp, report.bank(), report.accountNumber(), report.holderName());
        try {
            orderService.refuseThirdStop(stopCase, followUp.accountRef);
        } catch (ProblemException limitReached) {
            transfer.notFollowed = FollowUpPolicy.NotFollowed.STOP_LIMIT.name();
            return stillMissing;
        }
        followUp.requestedAmount = decision.amount();
        followUp.transactionTime = report.time();
        followUp.transactionAmount = report.amount().amount();
        followUp.victimRef = parent.victimRef;
        followUp.documentNumber = parent.documentNumber;
        followUp.documentIssuer = parent.documentIssuer;
        followUp.documentSha256 = parent.documentSha256;
        followUp.issuedBy = stopCase.officer;
        followUp.createdAt = now;
        followUp.legalBasis = "awaiting the approval of officer " + stopCase.officer;
        Optional<StandingAuthorisation> standing = orders.authorisations(stopCase.id).stream()
                .filter(a -> a.covers(followUp.layer, followUp.requestedAmount, now)).findFirst();
        standing.ifPresent(a -> {
            followUp.approvingOfficer = a.officer;
            followUp.legalBasis = "standing authorisation " + a.id + " of officer " + a.officer + " (" + a.legalBasis + ")";
        });
        orders.persist(followUp);
        transfer.followUpId = followUp.id;
        if (standing.isPresent()) {
            dispatcher.issue(followUp, stopCase.caseNumber, now);
        }
        audit.append(bank, new AuditEntry(standing.isPresent() ? "order.follow-up.issued" : "order.follow-up.queued",
                "docs/rules.md A6, B2; " + followUp.legalBasis, "stop-order", followUp.id.toString(), null,
                OrderView.of(followUp, stopCase.caseNumber)));
        return stillMissing.subtract(decision.amount());
    }

}
