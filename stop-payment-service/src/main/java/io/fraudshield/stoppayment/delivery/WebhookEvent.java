package io.fraudshield.stoppayment.delivery;

import java.util.UUID;

/**
 * The outbox payload of a webhook, sealed before it is written: which participant, which order, and the exact
 * body to send (built once, so every retry sends the same bytes and the same event id).
 */
public record WebhookEvent(String participant, UUID orderId, String type, String body) {

    public static final String DESTINATION = "participant-webhook";
    public static final String SEALING_CONTEXT = "outbox/" + DESTINATION;

    @Override
    public String toString() {
        return "WebhookEvent[" + type + " " + orderId + " to " + participant + "]";
    }
}
