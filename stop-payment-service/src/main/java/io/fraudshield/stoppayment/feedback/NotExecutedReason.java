package io.fraudshield.stoppayment.feedback;

/**
 * Why a bank did not (fully) execute. The first four are mismatches of the checks docs/rules.md A6 requires
 * (name, account, amount, transaction time): on those the bank must not execute at all.
 */
public enum NotExecutedReason {
    NAME_MISMATCH, ACCOUNT_NOT_FOUND, TRANSACTION_MISMATCH, AMOUNT_MISMATCH, ACCOUNT_CLOSED, INSUFFICIENT_BALANCE,
    PRIOR_FREEZE, OTHER;

    /** A check failed: nothing may be stopped and the account's onward transfers are not for us to follow. */
    public boolean isMismatch() {
        return this == NAME_MISMATCH || this == ACCOUNT_NOT_FOUND || this == TRANSACTION_MISMATCH
                || this == AMOUNT_MISMATCH || this == ACCOUNT_CLOSED;
    }
}
