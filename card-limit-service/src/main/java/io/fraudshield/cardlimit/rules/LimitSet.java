package io.fraudshield.cardlimit.rules;

/** The limits in force at one bank or payment institution. */
public record LimitSet(int debitCards, int classIAccounts, int classIiAccounts, int classIiiAccounts,
                       int paymentAccounts, int agentCards) {

    public int of(Limit limit) {
        return switch (limit) {
            case DEBIT_CARDS -> debitCards;
            case CLASS_I_ACCOUNTS -> classIAccounts;
            case CLASS_II_ACCOUNTS -> classIiAccounts;
            case CLASS_III_ACCOUNTS -> classIiiAccounts;
            case PAYMENT_ACCOUNTS -> paymentAccounts;
        };
    }
}
