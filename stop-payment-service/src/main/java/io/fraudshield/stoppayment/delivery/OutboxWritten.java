package io.fraudshield.stoppayment.delivery;

/** Fired when a transaction wrote an outbox message; after it commits, {@link RelayKick} relays at once. */
public record OutboxWritten() {
}
