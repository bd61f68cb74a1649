package io.fraudshield.common.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * One message as a delivery sees it. {@code id} is stable across retries: send it as {@link #MESSAGE_ID_HEADER}
 * so the receiver applies the message once however often it arrives.
 *
 * @param attempt     1 for the first try
 * @param traceparent the W3C trace context of the request that wrote the message (null outside a trace); the relay
 *                    makes a child of it current while the delivery runs
 * @param writtenAt   when the change that caused the message committed (the database's clock): lag is measured from it
 */
public record OutboxMessage(UUID id, String aggregate, String type, String destination, String payload, int attempt,
                            String traceparent, Instant writtenAt) {

    public static final String MESSAGE_ID_HEADER = "Message-Id";
}
