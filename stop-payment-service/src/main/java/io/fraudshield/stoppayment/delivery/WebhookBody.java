package io.fraudshield.stoppayment.delivery;

import java.time.Instant;

/** What a webhook carries: {@code type} (order.issued, order.expiring…), when, and the data for that type. */
public record WebhookBody(String type, Instant occurredAt, Object data) {
}
