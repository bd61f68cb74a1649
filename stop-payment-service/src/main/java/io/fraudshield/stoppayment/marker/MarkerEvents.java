package io.fraudshield.stoppayment.marker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fraudshield.common.outbox.Outbox;
import io.fraudshield.stoppayment.delivery.OutboxWritten;
import io.fraudshield.stoppayment.order.OrderKind;
import io.fraudshield.stoppayment.order.StopOrder;
import io.fraudshield.stoppayment.sealing.Sealer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

/**
 * STOPPED / FROZEN markers in account-risk-service, written to the kernel outbox in the transaction that changes
 * the order: an executed stop or freeze adds one, its release or expiry removes it. Both messages of one account
 * share an aggregate, so a removal is never delivered before its addition. The addition carries the account
 * number account-risk keys its marker by, so it is sealed in the outbox.
 */
@ApplicationScoped
public class MarkerEvents {

    public static final String DESTINATION = "account-risk";
    public static final String ADD = "marker.add";
    public static final String REMOVE = "marker.remove";
    static final String SEALING_CONTEXT = "outbox/" + DESTINATION;

    private final Outbox outbox;
    private final Sealer sealer;
    private final ObjectMapper json;
    private final Event<OutboxWritten> written;

    public MarkerEvents(Outbox outbox, Sealer sealer, ObjectMapper json, Event<OutboxWritten> written) {
        this.outbox = outbox;
        this.sealer = sealer;
        this.json = json;
        this.written = written;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void added(StopOrder order, String accountNumber) {
        MarkerCommand command = new MarkerCommand(order.id, order.target, accountNumber,
                order.kind == OrderKind.FREEZE ? "FROZEN" : "STOPPED",
                order.kind == OrderKind.FREEZE ? "FREEZE_ORDER" : "STOP_PAYMENT_ORDER", order.effectiveAt, null);
        outbox.enqueue(aggregate(order), ADD, DESTINATION, sealer.seal(SEALING_CONTEXT, write(command)));
        written.fire(new OutboxWritten());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void removed(StopOrder order, String why) {
        MarkerCommand command = new MarkerCommand(order.id, order.target, null, null, null, null, why);
        outbox.enqueue(aggregate(order), REMOVE, DESTINATION, sealer.seal(SEALING_CONTEXT, write(command)));
        written.fire(new OutboxWritten());
    }

    private static String aggregate(StopOrder order) {
        return "account/" + order.accountRef;
    }

    private String write(MarkerCommand command) {
        try {
            return json.writeValueAsString(command);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write marker command", e);
        }
    }
}
