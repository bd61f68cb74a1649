package io.fraudshield.stoppayment.refund;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fraudshield.common.audit.AuditEntry;
import io.fraudshield.common.audit.AuditTrail;
import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.caller.Role;
import io.fraudshield.common.identifier.ParticipantCode;
import io.fraudshield.common.problem.ProblemException;
import io.fraudshield.common.problem.ProblemType;
import io.fraudshield.common.pseudonym.Pseudonymizer;
import io.fraudshield.stoppayment.order.InboxEntry;
import io.fraudshield.stoppayment.order.OrderAccess;
import io.fraudshield.stoppayment.order.OrderDispatcher;
import io.fraudshield.stoppayment.order.OrderKind;
import io.fraudshield.stoppayment.order.OrderRepository;
import io.fraudshield.stoppayment.order.StopCase;
import io.fraudshield.stoppayment.order.StopOrder;
import io.fraudshield.stoppayment.rules.StopPaymentConfig;
import io.fraudshield.stoppayment.sealing.Sealer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Refunds of frozen money (docs/rules.md A7): the police decide, the bank that holds the freeze pays the victims
 * without fees and returns a receipt within 3 working days. Never more than the freeze holds less what earlier
 * refunds take; a proportional refund waits for the public notice and an objection holds it; what is not
 * refunded stays frozen for the rest of the freeze.
 */
@ApplicationScoped
public class RefundService {

    public static final String REFUND_INSTRUCTED = "refund.instructed";
    private static final String LEGAL_BASIS = "docs/rules.md A7";

    private final RefundRepository refunds;
    private final OrderRepository orders;
    private final OrderDispatcher dispatcher;
    private final Pseudonymizer pseudonymizer;
    private final Sealer sealer;
    private final ObjectMapper json;
    private final AuditTrail audit;
    private final StopPaymentConfig.Refund config;

    public RefundService(RefundRepository refunds, OrderRepository orders, OrderDispatcher dispatcher,
                         Pseudonymizer pseudonymizer, Sealer sealer, ObjectMapper json, AuditTrail audit,
                         StopPaymentConfig config) {
        this.refunds = refunds;
        this.orders = orders;
        this.dispatcher = dispatcher;
        this.pseudonymizer = pseudonymizer;
        this.sealer = sealer;
        this.json = json;
        this.audit = audit;
        this.config = config.refund();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public RefundView decide(Caller police, UUID freezeId, RefundRequest request) {
        UUID caseId = orders.caseIdOf(freezeId).orElseThrow(() -> ProblemException.notFound("Order " + freezeId));
        StopCase stopCase = orders.lockCase(caseId);
        StopOrder freeze = orders.lock(freezeId).filter(o -> police.role() == Role.POLICE && OrderAccess.mayRead(police, o))
                .orElseThrow(() -> ProblemException.notFound("Order " + freezeId));
        if (freeze.kind != OrderKind.FREEZE || !freeze.state.holds()) {
            throw new ProblemException(ProblemType.CONFLICT, "Refunds come from a freeze that holds money (this is a "
                    + freeze.kind + " in state " + freeze.state + ")");
        }
        if (Set.copyOf(request.officers()).size() < config.minOfficers()) {
            throw ProblemException.invalidField("$.officers", "at least " + config.minOfficers()
                    + " different officers present the notice (docs/rules.md A7)");
        }
        BigDecimal available = freeze.stoppedAmount.subtract(refunds.claimed(freezeId));
        RefundAllocator.Allocation allocation;
        try {
            allocation = RefundAllocator.allocate(request.basis(), available, request.victims().stream()
                    .map(v -> new RefundAllocator.Claim(v.loss().amount(), v.traced() == null ? null : v.traced().amount()))
                    .toList());
        } catch (IllegalArgumentException refused) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, refused.getMessage());
        }
        Instant now = Instant.now();
        Refund refund = new Refund();
        refund.id = UUID.randomUUID();
        refund.freezeOrderId = freeze.id;
        refund.caseId = stopCase.id;
        refund.agency = stopCase.agency;
        refund.target = freeze.target;
        refund.basis = request.basis();
        refund.state = RefundState.NOTICE;
        refund.officers = String.join(",", request.officers());
        refund.noticeDocument = request.noticeDocument();
        refund.total = allocation.total();
        refund.remainder = allocation.remainder();
        refund.createdAt = now;
        refunds.persist(refund);
        refunds.flush();
        List<BankRefundDocument.Payment> payments = new ArrayList<>();
        for (int i = 0; i < request.victims().size(); i++) {
            RefundRequest.Victim victim = request.victims().get(i);
            RefundShare share = new RefundShare();
            share.id = UUID.randomUUID();
            share.refundId = refund.id;
            share.victimRef = victim.victimRef();
            share.loss = victim.loss().amount();
            share.amount = allocation.amounts().get(i);
            share.accountRef = pseudonymizer.accountRef(ParticipantCode.of(freeze.target), victim.accountNumber());
            share.accountMasked = victim.accountNumber().masked();
            refunds.persist(share);
            payments.add(new BankRefundDocument.Payment(victim.victimRef(), share.amount.toPlainString(),
                    victim.accountNumber().canonicalNumber(), victim.holderName()));
        }
        refund.sealedVictims = sealer.seal("refund/" + refund.id, write(payments));
        if (request.basis().needsNotice()) {
            refund.noticeEndsAt = now.plus(config.publicNotice());
        } else {
            instruct(refund, now);
        }
        RefundView view = view(refund, now);
        audit.append(police, new AuditEntry("refund.decided", LEGAL_BASIS + "; notice " + request.noticeDocument(),
                "refund", refund.id.toString(), null, view));
        return view;
    }

    /** After the public notice, with no objection: the instruction goes to the bank. */
    @Transactional(Transactional.TxType.MANDATORY)
    public RefundView instructAfterNotice(Caller police, UUID id) {
        Refund refund = ownRefund(police, id);
        Instant now = Instant.now();
        if (refund.state == RefundState.NOTICE && now.isBefore(refund.noticeEndsAt)) {
            throw new ProblemException(ProblemType.CONFLICT, "The public notice runs until " + refund.noticeEndsAt
                    + " (docs/rules.md A7: 30 days for a proportional refund)");
        }
        RefundView before = view(refund, now);
        instruct(refund, now);
        RefundView after = view(refund, now);
        audit.append(police, new AuditEntry("refund.instructed", LEGAL_BASIS + " (notice ended)", "refund", id.toString(), before, after));
        return after;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public RefundView object(Caller police, UUID id, ObjectionRequest request) {
        Refund refund = ownRefund(police, id);
        Instant now = Instant.now();
        RefundView before = view(refund, now);
        refund.moveTo(RefundState.HELD, now);
        refund.objection = request.objection();
        refund.sealedVictims = null;
        RefundView after = view(refund, now);
        audit.append(police, new AuditEntry("refund.held", LEGAL_BASIS + " (objection during the notice)", "refund",
                id.toString(), before, after));
        return after;
    }

    /** The bank's receipt; the same receipt again changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public RefundView receipt(Caller bank, UUID id, ReceiptRequest request) {
        Refund refund = refunds.lock(id).filter(r -> visibleToBank(bank, r))
                .orElseThrow(() -> ProblemException.notFound("Refund " + id));
        Instant now = Instant.now();
        if (refund.state == RefundState.COMPLETED && request.receiptNumber().equals(refund.receiptNumber)) {
            return view(refund, now);
        }
        if (request.completedAt().isAfter(now.plusSeconds(60)) || request.completedAt().isBefore(refund.instructedAt)) {
            throw ProblemException.invalidField("$.completedAt", "between the instruction and now");
        }
        RefundView before = view(refund, now);
        refund.moveTo(RefundState.COMPLETED, request.completedAt());
        refund.receiptNumber = request.receiptNumber();
        refund.sealedVictims = null;
        RefundView after = view(refund, now);
        audit.append(bank, new AuditEntry("refund.completed", LEGAL_BASIS + " (receipt " + request.receiptNumber() + ")",
                "refund", id.toString(), before, after));
        return after;
    }

    @Transactional
    public RefundView find(Caller caller, UUID id) {
        Refund refund = refunds.find(id).filter(r -> switch (caller.role()) {
            case REGULATOR -> true;
            case POLICE -> r.agency.equals(caller.participant().value());
            default -> visibleToBank(caller, r);
        }).orElseThrow(() -> ProblemException.notFound("Refund " + id));
        return view(refund, Instant.now());
    }

    /** Refunds the bank has not confirmed in time: the agency's own, or all for the regulator. */
    @Transactional
    public List<RefundView> overdue(Caller caller) {
        Instant now = Instant.now();
        String agency = caller.role() == Role.REGULATOR ? null : caller.participant().value();
        return refunds.overdue(now, agency).stream().map(r -> view(r, now)).toList();
    }

    /** The instruction as its bank reads it in the inbox: with the victims' accounts until the receipt. */
    @Transactional(Transactional.TxType.MANDATORY)
    public BankRefundDocument bankDocument(UUID id) {
        Refund refund = refunds.find(id).orElseThrow();
        return new BankRefundDocument(view(refund, Instant.now()), payments(refund));
    }

    private void instruct(Refund refund, Instant now) {
        refund.moveTo(RefundState.INSTRUCTED, now);
        refund.dueBy = WorkingDays.dueBy(now, config.bankCompletionWorkingDays(), config.holidays().orElse(Set.of()));
        InboxEntry entry = new InboxEntry();
        entry.participant = refund.target;
        entry.orderId = refund.freezeOrderId;
        entry.refundId = refund.id;
        entry.eventType = REFUND_INSTRUCTED;
        orders.persist(entry);
        dispatcher.notify(refund.target, refund.freezeOrderId, REFUND_INSTRUCTED,
                new BankRefundDocument(view(refund, now), payments(refund)), now);
    }

    private Refund ownRefund(Caller police, UUID id) {
        return refunds.lock(id).filter(r -> police.role() == Role.POLICE && r.agency.equals(police.participant().value()))
                .orElseThrow(() -> ProblemException.notFound("Refund " + id));
    }

    private static boolean visibleToBank(Caller caller, Refund refund) {
        return (caller.role() == Role.BANK || caller.role() == Role.PAYMENT_INSTITUTION)
                && refund.target.equals(caller.participant().value())
                && (refund.state == RefundState.INSTRUCTED || refund.state == RefundState.COMPLETED);
    }

    private RefundView view(Refund refund, Instant now) {
        return RefundView.of(refund, refunds.shares(refund.id), now);
    }

    private List<BankRefundDocument.Payment> payments(Refund refund) {
        if (refund.sealedVictims == null) {
            return List.of();
        }
        try {
            return json.readValue(sealer.open("refund/" + refund.id, refund.sealedVictims), new TypeReference<List<BankRefundDocument.Payment>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("refund payments unreadable", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
