package io.fraudshield.stoppayment.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fraudshield.common.audit.AuditEntry;
import io.fraudshield.common.audit.AuditTrail;
import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.problem.IllegalTransitionException;
import io.fraudshield.common.problem.ProblemException;
import io.fraudshield.common.metrics.BusinessMetrics;
import io.fraudshield.common.problem.ProblemType;
import io.fraudshield.stoppayment.deadline.DeadlinePolicy;
import io.fraudshield.stoppayment.deadline.FeedbackDeadlines;
import io.fraudshield.stoppayment.marker.MarkerEvents;
import io.fraudshield.stoppayment.order.OrderAccess;
import io.fraudshield.stoppayment.order.OrderDetails;
import io.fraudshield.stoppayment.order.OrderDispatcher;
import io.fraudshield.stoppayment.order.OrderKind;
import io.fraudshield.stoppayment.order.OrderRepository;
import io.fraudshield.stoppayment.order.OrderState;
import io.fraudshield.stoppayment.order.OrderView;
import io.fraudshield.stoppayment.order.StopCase;
import io.fraudshield.stoppayment.order.StopOrder;
import io.fraudshield.stoppayment.rules.StopPaymentConfig;
import io.fraudshield.stoppayment.trail.TrailService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A bank's feedback on an order addressed to it. Repeated and late callbacks are harmless: an acknowledgement
 * after the answer changes nothing, the same answer twice changes nothing; a different answer is a 409. The
 * answer is where clocks start (effective time), markers are added, onward transfers are followed, and the clear
 * account number and holder name are erased: the bank has them, we no longer need them.
 */
@ApplicationScoped
public class FeedbackService {

    private static final String LEGAL_BASIS = "docs/rules.md A6 (stop and freeze feedback)";

    private final OrderRepository orders;
    private final OrderDispatcher dispatcher;
    private final TrailService trail;
    private final MarkerEvents markers;
    private final AuditTrail audit;
    private final DeadlinePolicy deadlines;
    private final ObjectMapper json;
    private final BusinessMetrics metrics;
    private final FeedbackDeadlines feedbackDeadlines;

    public FeedbackService(OrderRepository orders, OrderDispatcher dispatcher, TrailService trail, MarkerEvents markers,
                           AuditTrail audit, StopPaymentConfig config, ObjectMapper json, BusinessMetrics metrics,
                           FeedbackDeadlines feedbackDeadlines) {
        this.metrics = metrics;
        this.feedbackDeadlines = feedbackDeadlines;
        this.orders = orders;
        this.dispatcher = dispatcher;
        this.trail = trail;
        this.markers = markers;
        this.audit = audit;
        this.deadlines = DeadlinePolicy.of(config);
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public OrderView answer(Caller bank, UUID id, FeedbackRequest answer) {
        UUID caseId = orders.caseIdOf(id).orElseThrow(() -> ProblemException.notFound("Order " + id));
        StopCase stopCase = orders.lockCase(caseId);
        StopOrder order = orders.lock(id).filter(o -> OrderAccess.mayAnswer(bank, o))
                .orElseThrow(() -> ProblemException.notFound("Order " + id));
        Instant now = Instant.now();
        FeedbackPolicy.Settled settled = FeedbackPolicy.check(order.kind, order.requestedAmount, answer, now);
        if (answer.status() == FeedbackStatus.ACKNOWLEDGED) {
            if (order.state == OrderState.ISSUED) {
                OrderView before = OrderView.of(order, stopCase.caseNumber);
                order.moveTo(OrderState.ACKNOWLEDGED, now);
                audited(bank, "order.acknowledged", order, stopCase, before);
            }
            return OrderView.of(order, stopCase.caseNumber);
        }
        if (order.state.answered()) {
            if (sameAnswer(order, answer, settled)) {
                return OrderView.of(order, stopCase.caseNumber);
            }
            throw new IllegalTransitionException("An order", order.state, answer.status().state());
        }
        OrderView before = OrderView.of(order, stopCase.caseNumber);
        OrderDetails details = dispatcher.details(order);
        order.moveTo(answer.status().state(), now);
        order.notExecutedReason = answer.reason() == null ? null : answer.reason().name();
        order.stoppedAmount = settled.stopped();
        order.notStoppedAmount = settled.notStopped();
        order.priorFreezes = answer.priorFreezes() == null || answer.priorFreezes().isEmpty() ? null : write(answer.priorFreezes());
        order.effectiveAt = answer.effectiveAt();
        order.sealedDetails = null;
        if (order.state.holds()) {
            applyExecution(bank, stopCase, order, details, now);
        }
        BigDecimal stillMissing = order.kind.holdsMoney() ? settled.notStopped() : BigDecimal.ZERO;
        for (var transfer : answer.transfers()) {
            stillMissing = trail.follow(bank, stopCase, order, transfer, stillMissing, now);
        }
        audited(bank, "order.answered." + order.state.name().toLowerCase(), order, stopCase, before);
        observed(order, now);
        return OrderView.of(order, stopCase.caseNumber);
    }

    /** The answer as the metrics see it: one decision per answer, and whether it came after its deadline. */
    private void observed(StopOrder order, Instant now) {
        metrics.decision("order-feedback", order.state.name(),
                order.notExecutedReason == null ? BusinessMetrics.NO_REASON : order.notExecutedReason);
        feedbackDeadlines.answered(order, now);
    }

    private void applyExecution(Caller bank, StopCase stopCase, StopOrder order, OrderDetails details, Instant now) {
        boolean major = stopCase.majorCaseApproval != null;
        switch (order.kind) {
            case STOP_PAYMENT, FREEZE -> {
                order.endsAt = deadlines.endOf(order.kind, order.effectiveAt, major);
                if (details != null) {
                    markers.added(order, details.accountNumber());
                }
            }
            case EXTEND -> {
                StopOrder original = orders.lock(order.originalOrderId).orElseThrow();
                if (!original.state.holds() || !deadlines.mayRenew(order.effectiveAt, original.endsAt)) {
                    throw new ProblemException(ProblemType.ORDER_EXPIRED,
                            "The freeze ended before this renewal took effect; renewals come before expiry");
                }
                OrderView before = OrderView.of(original, stopCase.caseNumber);
                original.endsAt = deadlines.renewedEnd(original.endsAt, major);
                original.remindedBefore = null;
                order.endsAt = original.endsAt;
                audited(bank, "order.renewed", original, stopCase, before);
            }
            case RELEASE -> {
                StopOrder original = orders.lock(order.originalOrderId).orElseThrow();
                if (original.state.holds()) {
                    OrderView before = OrderView.of(original, stopCase.caseNumber);
                    original.moveTo(OrderState.RELEASED, now);
                    markers.removed(original, "Released by order " + order.id);
                    audited(bank, "order.released", original, stopCase, before);
                }
            }
        }
    }

    private boolean sameAnswer(StopOrder order, FeedbackRequest answer, FeedbackPolicy.Settled settled) {
        OrderState answeredAs = order.state.isAnswer() ? order.state : null;
        boolean sameState = answeredAs == null || answeredAs == answer.status().state();
        return sameState && Objects.equals(order.notExecutedReason, answer.reason() == null ? null : answer.reason().name())
                && compare(order.stoppedAmount, settled.stopped());
    }

    private static boolean compare(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private void audited(Caller bank, String action, StopOrder order, StopCase stopCase, OrderView before) {
        audit.append(bank, new AuditEntry(action, LEGAL_BASIS + "; " + order.legalBasis, "stop-order", order.id.toString(),
                before, OrderView.of(order, stopCase.caseNumber)));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
