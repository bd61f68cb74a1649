package io.fraudshield.common.outbox;

import java.util.UUID;

/**
 * One message as a delivery sees it. {@code id} is stable across retries: send it as {@link #MESSAGE_ID_HEADER}
 * so the receiver applies the message once however often it arrives.
 *
 * @param attempt 1 for the first try
 */
public record OutboxMessage(UUID id, String aggregate, String type, String destination, String payload, int attempt) {

    public static final String MESSAGE_ID_HEADER = "Message-Id";
}
