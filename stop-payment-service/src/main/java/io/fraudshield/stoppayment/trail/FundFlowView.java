package io.fraudshield.stoppayment.trail;

import io.fraudshield.stoppayment.order.OrderKind;
import io.fraudshield.stoppayment.order.OrderState;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Where a case's money went and how much of it is held: see {@link FundFlow} for the arithmetic. */
public record FundFlowView(String caseNumber, Totals totals, List<Node> roots) {

    public record Totals(BigDecimal requested, BigDecimal stopped, BigDecimal frozen, BigDecimal refunded, BigDecimal missing) {
    }

    public record Node(String institution, String accountMasked, int layer, BigDecimal requested, BigDecimal stopped,
                       BigDecimal frozen, BigDecimal refunded, BigDecimal missing, List<OrderSummary> orders, List<NotFollowed> notFollowed,
                       List<Node> children) {
    }

    public record OrderSummary(UUID id, OrderKind kind, OrderState state, BigDecimal requested, BigDecimal stopped,
                               Instant endsAt) {
    }

    /** An onward transfer that did not become an order, and why (layer limit, nothing missing, unknown bank…). */
    public record NotFollowed(String transactionId, String institution, String accountMasked, BigDecimal amount,
                              Instant transferredAt, String reason) {
    }
}
