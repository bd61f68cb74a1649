package io.fraudshield.stoppayment.refund;

/**
 * docs/rules.md A7 Art. 8: one traced deposit, or several traceable by time, go straight back; otherwise the
 * frozen money is shared in proportion to the losses after a public notice.
 */
public enum RefundBasis {
    TRACED_SINGLE, TRACED_BY_TIME, PROPORTIONAL;

    public boolean needsNotice() {
        return this == PROPORTIONAL;
    }
}
