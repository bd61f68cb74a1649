/**
 * What leaves this service, below the features that produce it: the webhook event and body a bank receives, and
 * the signal that an outbox message was written. Orders, markers and delivery all depend on it; it depends on none.
 */
package io.fraudshield.stoppayment.outbound;
