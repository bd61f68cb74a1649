package io.fraudshield.cardlimit.rules;

/** The limits in force at one bank. */
public record LimitSet(int debitCards, int classIAccounts, int classIiAccounts, int classIiiAccounts, int agentCards) {

    /** The limit of a counted product; excluded categories have none. */
    public int of(Product product) {
        return switch (product) {
            case DEBIT_CARD -> debitCards;
            case CLASS_I_ACCOUNT -> classIAccounts;
            case CLASS_II_ACCOUNT -> classIiAccounts;
            case CLASS_III_ACCOUNT -> classIiiAccounts;
            default -> Integer.MAX_VALUE;
        };
    }

    /** The reason a counted product is refused at its limit. */
    static ReasonCode limitReason(Product product) {
        return switch (product) {
            case DEBIT_CARD -> ReasonCode.DEBIT_CARD_LIMIT;
            case CLASS_I_ACCOUNT -> ReasonCode.CLASS_I_EXISTS;
            case CLASS_II_ACCOUNT -> ReasonCode.CLASS_II_LIMIT;
            case CLASS_III_ACCOUNT -> ReasonCode.CLASS_III_LIMIT;
            default -> throw new IllegalArgumentException(product + " has no limit");
        };
    }
}
