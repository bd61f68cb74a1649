package io.fraudshield.common.outbox;

/**
 * Carries messages of one destination to their receiver. A service provides one bean per destination it
 * writes to. Called outside any transaction; an exception counts as {@link DeliveryOutcome#retry}.
 */
public interface OutboxDelivery {

    /** The destination name given to {@link Outbox#enqueue}. */
    String destination();

    DeliveryOutcome deliver(OutboxMessage message);
}
