package io.fraudshield.stoppayment.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fraudshield.common.outbox.Outbox;
import io.fraudshield.stoppayment.delivery.OutboxWritten;
import io.fraudshield.stoppayment.delivery.WebhookBody;
import io.fraudshield.stoppayment.delivery.WebhookEvent;
import io.fraudshield.stoppayment.sealing.Sealer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * Issues an order in the transaction that decided it: the order enters the bank's inbox and a signed webhook
 * event enters the kernel outbox, both committed with the order or not at all. The event is sealed in the
 * outbox (it carries the account number and holder name the bank must match).
 */
@ApplicationScoped
public class OrderDispatcher {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(OrderDispatcher.class);

    public static final String ORDER_ISSUED = "order.issued";
    public static final String ORDER_EXPIRING = "order.expiring";
    public static final String ORDER_EXPIRED = "order.expired";

    private final OrderRepository orders;
    private final Outbox outbox;
    private final Sealer sealer;
    private final ObjectMapper json;
    private final Event<OutboxWritten> written;

    public OrderDispatcher(OrderRepository orders, Outbox outbox, Sealer sealer, ObjectMapper json, Event<OutboxWritten> written) {
        this.orders = orders;
        this.outbox = outbox;
        this.sealer = sealer;
        this.json = json;
        this.written = written;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void issue(StopOrder order, String caseNumber, Instant at) {
        order.moveTo(OrderState.ISSUED, at);
        tell(order, ORDER_ISSUED, document(order, caseNumber), at);
    }

    /** An event about an order for its bank: in its inbox and by webhook, so an inbox-only bank learns it too. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void tell(StopOrder order, String type, Object data, Instant at) {
        InboxEntry entry = new InboxEntry();
        entry.participant = order.target;
        entry.orderId = order.id;
        entry.eventType = type;
        orders.persist(entry);
        notify(order.target, order.id, type, data, at);
    }

    /** A webhook event to any registered participant (the target bank, or the agency for reminders). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void notify(String participant, UUID orderId, String type, Object data, Instant at) {
        String body = write(new WebhookBody(type, at, data));
        String sealed = sealer.seal(WebhookEvent.SEALING_CONTEXT, write(new WebhookEvent(participant, orderId, type, body)));
        outbox.enqueue("order/" + orderId, type, WebhookEvent.DESTINATION, sealed);
        written.fire(new OutboxWritten());
    }

    /** The order as its bank sees it, with the clear values while they are still kept. */
    public BankOrderDocument document(StopOrder order, String caseNumber) {
        OrderDetails details = details(order);
        return new BankOrderDocument(OrderView.of(order, caseNumber), details == null ? null : details.accountNumber(),
                details == null ? null : details.holderName());
    }

    /**
     * The clear values, or null once erased — or when they do not open for this order (copied from another row, or
     * sealed under a retired key): then the bank gets no clear values and an operator an error, never another's.
     */
    public OrderDetails details(StopOrder order) {
        if (order.sealedDetails == null) {
            return null;
        }
        try {
            return json.readValue(sealer.open(context(order.id), order.sealedDetails), OrderDetails.class);
        } catch (JsonProcessingException | IllegalStateException e) {
            LOG.errorf("order %s: its sealed account details do not open (%s)", order.id, e.getClass().getSimpleName());
            return null;
        }
    }

    public String seal(UUID orderId, OrderDetails details) {
        return sealer.seal(context(orderId), write(details));
    }

    private static String context(UUID orderId) {
        return "order/" + orderId;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
