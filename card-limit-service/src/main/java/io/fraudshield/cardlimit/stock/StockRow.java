package io.fraudshield.cardlimit.stock;

/** A validated, pseudonymised stock line: nothing in it is personal data in the clear. */
record StockRow(long line, String customerRef, String accountClass, String cardCategory, String state, String agentRef, String cardRef,
                String cardBin, String cardLast4) {
}
