package io.fraudshield.cardlimit.stock;

import java.util.List;

/**
 * A validated, pseudonymised stock line: nothing in it is personal data in the clear. {@code customerRefs},
 * {@code agentRefs} and {@code cardRefs} hold the references under every live key (the active key's first for
 * the card), so a rotation in progress finds the person and the card whatever key they were stored under.
 */
record StockRow(long line, String customerRef, List<String> customerRefs, String accountClass, String cardCategory,
                String state, String agentRef, List<String> agentRefs, String cardRef, List<String> cardRefs,
                String cardBin, String cardLast4) {
}
