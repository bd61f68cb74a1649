package io.fraudshield.cardlimit.stock;

import io.fraudshield.cardlimit.rules.AccountClass;
import io.fraudshield.cardlimit.rules.CardCategory;
import io.fraudshield.common.identifier.CardNumber;
import io.fraudshield.common.identifier.PersonDocument;

import java.util.List;

/**
 * One line of a stock upload (NDJSON), e.g.
 * {@code {"customer":{"type":"RESIDENT_ID","number":"…"},"accountClass":"CLASS_II","card":"DEBIT_CARD","cardNumber":"…","state":"ACTIVE"}}.
 * {@code card} is absent for an account without card (the number is then the account's); {@code agent} is set for
 * cards opened by an agent. {@code otherDocuments} (up to {@link #MAX_OTHER_DOCUMENTS}) are further documents of the same
 * person: they are linked to one person, as at opening.
 */
public record StockLine(PersonDocument customer, List<PersonDocument> otherDocuments, AccountClass accountClass, CardCategory card, CardNumber cardNumber, StockCardState state,
                        PersonDocument agent) {

    static final int MAX_OTHER_DOCUMENTS = 8;

    /** The first required field that is missing, or null. */
    String missingField() {
        if (customer == null) {
            return "customer";
        }
        if (accountClass == null) {
            return "accountClass";
        }
        if (cardNumber == null) {
            return "cardNumber";
        }
        return state == null ? "state" : null;
    }
}
