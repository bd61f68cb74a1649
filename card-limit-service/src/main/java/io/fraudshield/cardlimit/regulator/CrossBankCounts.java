package io.fraudshield.cardlimit.regulator;

import io.fraudshield.cardlimit.rules.Product;

import java.util.List;

/** A customer's open counted cards and accounts at every bank (反电信网络诈骗法 Art. 16 cross-institution check). */
public record CrossBankCounts(String customerRef, List<BankCount> banks, long totalOpen) {

    public record BankCount(String bank, Product product, long open) {
    }
}
