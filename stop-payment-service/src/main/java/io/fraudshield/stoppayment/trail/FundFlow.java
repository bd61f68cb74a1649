package io.fraudshield.stoppayment.trail;

import io.fraudshield.stoppayment.order.OnwardTransfer;
import io.fraudshield.stoppayment.order.OrderKind;
import io.fraudshield.stoppayment.order.StopOrder;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The fund-flow tree of a case (pure): one node per account (institution + accountRef), whatever number of stops
 * and freezes it had, under the account the money came from. Per node: requested (the most asked of it),
 * stopped (active stops), frozen (active freezes less what was refunded from them), refunded (returned to
 * victims), missing = requested − max(stopped, frozen + refunded), since a freeze usually holds the same money a
 * stop held first. The case: requested = the first layer's, the rest summed, missing = requested − what every
 * node secures.
 */
public final class FundFlow {

    private FundFlow() {
    }

    public static FundFlowView build(String caseNumber, List<StopOrder> orders, List<OnwardTransfer> transfers,
                                     Map<UUID, BigDecimal> refundedByFreeze) {
        Map<String, Builder> nodes = new LinkedHashMap<>();
        Map<UUID, String> nodeOfOrder = new LinkedHashMap<>();
        for (StopOrder order : orders) {
            if (!order.kind.holdsMoney()) {
                continue;
            }
            String key = order.target + "/" + order.accountRef;
            Builder node = nodes.computeIfAbsent(key, k -> new Builder(order));
            node.add(order, refundedByFreeze.getOrDefault(order.id, zero()));
            nodeOfOrder.put(order.id, key);
        }
        for (OnwardTransfer transfer : transfers) {
            String key = nodeOfOrder.get(transfer.orderId);
            if (transfer.notFollowed != null && key != null) {
                nodes.get(key).notFollowed.add(new FundFlowView.NotFollowed(transfer.transactionId, transfer.bank,
                        transfer.accountMasked, transfer.amount, transfer.transferredAt, transfer.notFollowed));
            }
        }
        List<Builder> roots = new ArrayList<>();
        for (Builder node : nodes.values()) {
            String parentKey = node.parentOrderId == null ? null : nodeOfOrder.get(node.parentOrderId);
            if (parentKey == null || parentKey.equals(node.key)) {
                roots.add(node);
            } else {
                nodes.get(parentKey).children.add(node);
            }
        }
        List<FundFlowView.Node> views = roots.stream().map(Builder::view).toList();
        BigDecimal requested = zero();
        for (FundFlowView.Node root : views) {
            requested = requested.add(root.requested());
        }
        BigDecimal stopped = zero();
        BigDecimal frozen = zero();
        BigDecimal refunded = zero();
        BigDecimal secured = zero();
        for (Builder node : nodes.values()) {
            stopped = stopped.add(node.stopped);
            frozen = frozen.add(node.frozen);
            refunded = refunded.add(node.refunded);
            secured = secured.add(node.secured());
        }
        BigDecimal missing = requested.subtract(secured).max(zero());
        return new FundFlowView(caseNumber, new FundFlowView.Totals(requested, stopped, frozen, refunded, missing), views);
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }

    private static final class Builder {
        final String key;
        final String institution;
        final String accountMasked;
        final int layer;
        final UUID parentOrderId;
        BigDecimal requested = zero();
        BigDecimal stopped = zero();
        BigDecimal frozen = zero();
        BigDecimal refunded = zero();
        final List<FundFlowView.OrderSummary> orders = new ArrayList<>();
        final List<FundFlowView.NotFollowed> notFollowed = new ArrayList<>();
        final List<Builder> children = new ArrayList<>();

        Builder(StopOrder first) {
            this.key = first.target + "/" + first.accountRef;
            this.institution = first.target;
            this.accountMasked = first.accountMasked;
            this.layer = first.layer;
            this.parentOrderId = first.parentOrderId;
        }

        void add(StopOrder order, BigDecimal refundedFromIt) {
            requested = requested.max(order.requestedAmount);
            refunded = refunded.add(refundedFromIt);
            if (order.state.holds() && order.stoppedAmount != null) {
                if (order.kind == OrderKind.FREEZE) {
                    frozen = frozen.add(order.stoppedAmount.subtract(refundedFromIt));
                } else {
                    stopped = stopped.add(order.stoppedAmount);
                }
            }
            orders.add(new FundFlowView.OrderSummary(order.id, order.kind, order.state, order.requestedAmount,
                    order.stoppedAmount, order.endsAt));
        }

        BigDecimal secured() {
            return requested.min(stopped.max(frozen.add(refunded)));
        }

        FundFlowView.Node view() {
            return new FundFlowView.Node(institution, accountMasked, layer, requested, stopped, frozen, refunded,
                    requested.subtract(secured()), orders, notFollowed, children.stream().map(Builder::view).toList());
        }
    }
}
