package io.fraudshield.cardlimit.stock;

import io.fraudshield.cardlimit.rules.Product;
import io.fraudshield.common.identifier.CardNumber;
import io.fraudshield.common.identifier.PersonDocument;

/**
 * One line of a stock upload (NDJSON), e.g.
 * {@code {"customer":{"type":"RESIDENT_ID","number":"…"},"product":"DEBIT_CARD","cardNumber":"…","state":"ACTIVE"}}.
 * {@code agent} is set for cards opened by an agent.
 */
public record StockLine(PersonDocument customer, Product product, CardNumber cardNumber, StockCardState state,
                        PersonDocument agent) {

    /** The first required field that is missing, or null. */
    String missingField() {
        if (customer == null) {
            return "customer";
        }
        if (product == null) {
            return "product";
        }
        if (cardNumber == null) {
            return "cardNumber";
        }
        return state == null ? "state" : null;
    }
}
