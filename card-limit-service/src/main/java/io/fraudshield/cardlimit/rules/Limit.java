package io.fraudshield.cardlimit.rules;

import java.util.EnumSet;
import java.util.Set;

/** A per-person limit at one bank or payment institution, and the reason given when it is reached. */
public enum Limit {
    /** docs/rules.md A1: debit cards, the media of Class I and II accounts. */
    DEBIT_CARDS(ReasonCode.DEBIT_CARD_LIMIT),
    /** docs/rules.md A2: Class I accounts. */
    CLASS_I_ACCOUNTS(ReasonCode.CLASS_I_EXISTS),
    /** docs/rules.md A2: Class II accounts. */
    CLASS_II_ACCOUNTS(ReasonCode.CLASS_II_LIMIT),
    /** docs/rules.md A2: Class III accounts at a bank. */
    CLASS_III_ACCOUNTS(ReasonCode.CLASS_III_LIMIT),
    /** docs/rules.md A2 (261号): Class III payment accounts at one payment institution. */
    PAYMENT_ACCOUNTS(ReasonCode.PAYMENT_ACCOUNT_LIMIT);

    private final ReasonCode reason;

    Limit(ReasonCode reason) {
        this.reason = reason;
    }

    public ReasonCode reason() {
        return reason;
    }

    /**
     * The limits one opening (or one slot) consumes: none when its card's category is excluded (FraudShield's
     * reading of docs/rules.md A1: an excluded card and the account it sits on are not counted); otherwise the
     * account class's limit — the payment-account limit when a payment institution opened it — and the
     * debit-card limit when a counted card is issued.
     *
     * @param card null when no card is issued
     */
    public static Set<Limit> consumedBy(AccountClass accountClass, CardCategory card, Set<CardCategory> excluded,
                                        boolean paymentInstitution) {
        if (card != null && excluded.contains(card)) {
            return EnumSet.noneOf(Limit.class);
        }
        Set<Limit> limits = EnumSet.of(switch (accountClass) {
            case CLASS_I -> CLASS_I_ACCOUNTS;
            case CLASS_II -> CLASS_II_ACCOUNTS;
            case CLASS_III -> paymentInstitution ? PAYMENT_ACCOUNTS : CLASS_III_ACCOUNTS;
        });
        if (card != null) {
            limits.add(DEBIT_CARDS);
        }
        return limits;
    }
}
