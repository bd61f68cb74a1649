package io.fraudshield.stoppayment.delivery;

import java.time.Instant;
import java.util.UUID;

/** One try to push one event to a participant's webhook, whatever came of it. */
public record DeliveryAttempt(UUID eventId, UUID orderId, String participant, String eventType, int attempt,
                              Instant attemptedAt, Integer statusCode, String outcome, String error, int millis) {
}
