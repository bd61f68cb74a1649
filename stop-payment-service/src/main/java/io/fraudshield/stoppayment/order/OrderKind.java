package io.fraudshield.stoppayment.order;

/** docs/rules.md A6: a stop (48 h), a freeze (6/12 months), a renewal of a freeze, a release of either. */
public enum OrderKind {
    STOP_PAYMENT, FREEZE, EXTEND, RELEASE;

    /** Whether the order holds money on an account by itself (EXTEND and RELEASE act on the order they quote). */
    public boolean holdsMoney() {
        return this == STOP_PAYMENT || this == FREEZE;
    }
}
