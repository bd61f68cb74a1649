package io.fraudshield.stoppayment.deadline;

import io.fraudshield.common.audit.AuditEntry;
import io.fraudshield.common.audit.AuditTrail;
import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.caller.Role;
import io.fraudshield.common.identifier.ParticipantCode;
import io.fraudshield.stoppayment.marker.MarkerEvents;
import io.fraudshield.stoppayment.order.OrderDispatcher;
import io.fraudshield.stoppayment.order.OrderRepository;
import io.fraudshield.stoppayment.order.OrderState;
import io.fraudshield.stoppayment.order.OrderView;
import io.fraudshield.stoppayment.order.StopCase;
import io.fraudshield.stoppayment.order.StopOrder;
import io.fraudshield.stoppayment.rules.StopPaymentConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The clocks of docs/rules.md A6: a stop or freeze not released or renewed ends by itself at its end time (its
 * marker is removed and the bank is told), and the issuing agency gets reminder events before that. One
 * transaction per order, each re-checked under its lock, so replicas running the job at once do no harm.
 */
@ApplicationScoped
public class DeadlineJob {

    /** The scheduler acts for nobody: the audit chain names it. */
    static final Caller SCHEDULER = new Caller("deadline-scheduler", Role.ADMIN, new ParticipantCode("STOPPAYMENT"));
    private static final int BATCH = 200;

    private final OrderRepository orders;
    private final MarkerEvents markers;
    private final OrderDispatcher dispatcher;
    private final AuditTrail audit;
    private final DeadlinePolicy policy;
    private final FeedbackDeadlines feedbackDeadlines;

    public DeadlineJob(OrderRepository orders, MarkerEvents markers, OrderDispatcher dispatcher, AuditTrail audit,
                       StopPaymentConfig config, FeedbackDeadlines feedbackDeadlines) {
        this.feedbackDeadlines = feedbackDeadlines;
        this.orders = orders;
        this.markers = markers;
        this.dispatcher = dispatcher;
        this.audit = audit;
        this.policy = DeadlinePolicy.of(config);
    }

    @Scheduled(every = "${stoppayment.deadline.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        expireDue(Instant.now());
        remindDue(Instant.now());
        feedbackDeadlines.refreshOverdue(Instant.now());
    }

    /** @return how many orders ended */
    public int expireDue(Instant now) {
        int ended = 0;
        List<UUID> due;
        do {
            due = QuarkusTransaction.requiringNew().call(() -> orders.endedBy(now, BATCH));
            for (UUID id : due) {
                if (QuarkusTransaction.requiringNew().call(() -> expire(id, now))) {
                    ended++;
                }
            }
        } while (due.size() == BATCH);
        return ended;
    }

    private boolean expire(UUID id, Instant now) {
        UUID caseId = orders.caseIdOf(id).orElseThrow();
        StopCase stopCase = orders.lockCase(caseId);
        StopOrder order = orders.lock(id).orElseThrow();
        if (!order.state.holds() || order.endsAt == null || order.endsAt.isAfter(now)) {
            return false;
        }
        OrderView before = OrderView.of(order, stopCase.caseNumber);
        order.moveTo(OrderState.EXPIRED, now);
        markers.removed(order, "The " + order.kind + " ended at " + order.endsAt + " without renewal");
        dispatcher.tell(order, OrderDispatcher.ORDER_EXPIRED, Map.of("orderId", order.id, "endedAt", order.endsAt), now);
        audit.append(SCHEDULER, new AuditEntry("order.expired", "docs/rules.md A6 (ends by itself)", "stop-order",
                order.id.toString(), before, OrderView.of(order, stopCase.caseNumber)));
        return true;
    }

    /** @return how many reminders were sent */
    public int remindDue(Instant now) {
        List<UUID> ending = QuarkusTransaction.requiringNew().call(() -> orders.endingBefore(now.plus(policy.horizon()), 10 * BATCH));
        int sent = 0;
        for (UUID id : ending) {
            if (QuarkusTransaction.requiringNew().call(() -> remind(id, now))) {
                sent++;
            }
        }
        return sent;
    }

    private boolean remind(UUID id, Instant now) {
        StopOrder order = orders.lock(id).orElseThrow();
        if (!order.state.holds()) {
            return false;
        }
        Duration lastSent = order.remindedBefore == null ? null : Duration.parse(order.remindedBefore);
        Optional<Duration> due = policy.reminderDue(now, order.endsAt, lastSent);
        if (due.isEmpty()) {
            return false;
        }
        order.remindedBefore = due.get().toString();
        dispatcher.notify(order.agency, order.id, OrderDispatcher.ORDER_EXPIRING, Map.of("orderId", order.id,
                "kind", order.kind, "endsAt", order.endsAt, "leadTime", due.get().toString()), now);
        return true;
    }
}
