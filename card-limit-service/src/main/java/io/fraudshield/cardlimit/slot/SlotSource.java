package io.fraudshield.cardlimit.slot;

/** How a slot came to exist: opened through FraudShield, or reported in a bank's stock upload (存量). */
public enum SlotSource {
    OPENING, STOCK
}
