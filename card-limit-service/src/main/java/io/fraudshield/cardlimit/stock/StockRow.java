package io.fraudshield.cardlimit.stock;

import java.util.List;

/** A validated, pseudonymised stock line: nothing in it is personal data in the clear. */
record StockRow(long line, String customerRef, String accountClass, String cardCategory, String state, String agentRef, String cardRef,
                String cardBin, String cardLast4, List<String> olderCardRefs) {
}
