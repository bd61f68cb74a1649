package io.fraudshield.stoppayment.outbound;

/** Fired when a transaction wrote an outbox message; after it commits, {@link RelayKick} relays at once. */
public record OutboxWritten() {
}
