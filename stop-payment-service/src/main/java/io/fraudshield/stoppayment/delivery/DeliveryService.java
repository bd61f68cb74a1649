package io.fraudshield.stoppayment.delivery;

import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.problem.ProblemException;
import io.fraudshield.stoppayment.order.OrderDispatcher;
import io.fraudshield.stoppayment.order.OrderRepository;
import io.fraudshield.stoppayment.order.OrderService;
import io.fraudshield.stoppayment.order.StopOrder;
import io.fraudshield.stoppayment.refund.RefundService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reading what was delivered: a participant's inbox, and the webhook attempts of an order. */
@ApplicationScoped
public class DeliveryService {

    private final OrderRepository orders;
    private final OrderService orderService;
    private final OrderDispatcher dispatcher;
    private final DeliveryAttemptStore attempts;
    private final RefundService refunds;

    public DeliveryService(OrderRepository orders, OrderService orderService, OrderDispatcher dispatcher,
                           DeliveryAttemptStore attempts, RefundService refunds) {
        this.orders = orders;
        this.orderService = orderService;
        this.dispatcher = dispatcher;
        this.attempts = attempts;
        this.refunds = refunds;
    }

    @Transactional
    public InboxPage inbox(Caller receiver, String after, int limit) {
        long position = cursor(after);
        List<OrderRepository.InboxRow> rows = orders.inbox(receiver.participant().value(), position, limit);
        List<InboxPage.Item> items = new ArrayList<>();
        for (OrderRepository.InboxRow row : rows) {
            StopOrder order = orders.find(row.orderId()).orElseThrow();
            items.add(new InboxPage.Item(Long.toString(row.position()), row.eventType(),
                    dispatcher.document(order, orderService.caseNumber(order)),
                    row.refundId() == null ? null : refunds.bankDocument(row.refundId())));
        }
        long next = rows.isEmpty() ? position : rows.get(rows.size() - 1).position();
        return new InboxPage(items, Long.toString(next), rows.size() == limit);
    }

    @Transactional
    public List<DeliveryAttempt> attempts(Caller caller, UUID orderId) {
        orderService.readable(caller, orderId);
        return attempts.ofOrder(orderId);
    }

    private static long cursor(String after) {
        if (after == null || after.isEmpty()) {
            return 0;
        }
        if (!after.matches("[0-9]{1,18}")) {
            throw ProblemException.invalidField("after", "a cursor from an earlier page");
        }
        return Long.parseLong(after);
    }
}
