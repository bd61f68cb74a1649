package io.fraudshield.cardlimit.reservation;

/** How a slot came to exist: opened through FraudShield, or reported in a bank's stock upload (存量). */
public enum SlotSource {
    OPENING, STOCK
}
