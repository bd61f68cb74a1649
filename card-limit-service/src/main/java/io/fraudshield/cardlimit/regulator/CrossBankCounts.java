package io.fraudshield.cardlimit.regulator;

import io.fraudshield.cardlimit.rules.Limit;

import java.util.List;

/**
 * A person's open counted accounts and cards at every bank, per limit (反电信网络诈骗法 Art. 16 cross-institution
 * check), over every document linked to the person. {@code totalOpen} counts openings, not limits: an account
 * with its debit card is one.
 */
public record CrossBankCounts(String customerRef, List<BankCount> banks, long totalOpen) {

    public record BankCount(String bank, Limit limit, long open) {
    }
}
