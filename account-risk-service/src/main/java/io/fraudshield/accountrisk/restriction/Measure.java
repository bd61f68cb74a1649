package io.fraudshield.accountrisk.restriction;

/** The narrow measures of joint punishment (docs/rules.md A3, A5); nothing is blocked across the board. */
public enum Measure {
    /** No new bank or payment accounts (card-limit-service refuses the opening). */
    NO_NEW_ACCOUNTS,
    /** No non-counter outflows, except the exempt debits (tax, social security, utilities, own-account moves). */
    NON_COUNTER_SUSPENDED
}
