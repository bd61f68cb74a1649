package io.fraudshield.cardlimit.rules;

/**
 * The account an opening creates (docs/rules.md A2, 261号). A debit card is the medium of a Class I or
 * Class II account; a Class III account never has a physical card.
 */
public enum AccountClass {
    CLASS_I, CLASS_II, CLASS_III;

    /** Whether a card may be issued on an account of this class. */
    public boolean mayHaveCard() {
        return this != CLASS_III;
    }
}
