package io.fraudshield.stoppayment.deadline;

import io.fraudshield.stoppayment.order.OrderState;
import io.fraudshield.stoppayment.order.StopOrder;
import io.fraudshield.stoppayment.rules.StopPaymentConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bank's answer is due "immediately" (docs/rules.md A6; {@code stoppayment.feedback.max-latency}, 60 s, an
 * objective of FraudShield's): money moves on within minutes. {@code fraudshield.stop_orders.deadline.missed}
 * counts answers given later than that, per order kind; {@code fraudshield.stop_orders.overdue} is the number of
 * issued orders still unanswered past it, as of the deadline job's last run (every replica counts the same rows).
 */
@ApplicationScoped
public class FeedbackDeadlines {

    private static final List<OrderState> OPEN = List.of(OrderState.ISSUED, OrderState.ACKNOWLEDGED);

    private final EntityManager em;
    private final MeterRegistry registry;
    private final Duration maxLatency;
    private final AtomicLong overdue = new AtomicLong();

    public FeedbackDeadlines(EntityManager em, MeterRegistry registry, StopPaymentConfig config) {
        this.em = em;
        this.registry = registry;
        this.maxLatency = config.feedback().maxLatency();
        Gauge.builder("fraudshield.stop_orders.overdue", overdue, AtomicLong::get)
                .description("Issued orders the bank has not answered within stoppayment.feedback.max-latency")
                .register(registry);
    }

    /** The bank answered {@code order} (executed or not) at {@code now}: late answers are counted. */
    public void answered(StopOrder order, Instant now) {
        if (order.issuedAt != null && order.issuedAt.plus(maxLatency).isBefore(now)) {
            Counter.builder("fraudshield.stop_orders.deadline.missed")
                    .description("Bank answers given later than stoppayment.feedback.max-latency after the order was issued")
                    .tag("order_type", order.kind.name()).register(registry).increment();
        }
    }

    /** Counts the open orders past their deadline now. */
    public long refreshOverdue(Instant now) {
        long count = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select count(o) from StopOrder o where o.state in ?1 and o.issuedAt < ?2", Long.class)
                .setParameter(1, OPEN).setParameter(2, now.minus(maxLatency)).getSingleResult());
        overdue.set(count);
        return count;
    }
}
