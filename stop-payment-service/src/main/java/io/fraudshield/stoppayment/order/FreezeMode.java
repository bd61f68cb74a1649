package io.fraudshield.stoppayment.order;

/** docs/rules.md A6: 01 up to an amount (限额内冻结), 02 receive-only (只收不付). */
public enum FreezeMode {
    AMOUNT_LIMITED, RECEIVE_ONLY
}
