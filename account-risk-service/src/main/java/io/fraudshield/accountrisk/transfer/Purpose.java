package io.fraudshield.accountrisk.transfer;

/** Why the money moves; the first four are the debits a non-counter suspension lets through (docs/rules.md A5). */
public enum Purpose {
    TAX, SOCIAL_SECURITY, UTILITY, OWN_ACCOUNT_BALANCE_MOVE, OTHER
}
