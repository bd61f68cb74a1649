package io.fraudshield.stoppayment.refund;

import io.fraudshield.common.problem.IllegalTransitionException;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * NOTICE (proportional: 30 days' public notice) → INSTRUCTED (the bank must pay within 3 working days) →
 * COMPLETED (its receipt). An objection during the notice HOLDS the refund for good: the police decide again
 * with a new refund, and a held one no longer counts against the frozen amount.
 */
public enum RefundState {
    NOTICE, HELD, INSTRUCTED, COMPLETED;

    private static final Map<RefundState, Set<RefundState>> NEXT = Map.of(
            NOTICE, EnumSet.of(HELD, INSTRUCTED),
            HELD, EnumSet.noneOf(RefundState.class),
            INSTRUCTED, EnumSet.of(COMPLETED),
            COMPLETED, EnumSet.noneOf(RefundState.class));

    public RefundState to(RefundState next) {
        if (!NEXT.get(this).contains(next)) {
            throw new IllegalTransitionException("A refund", this, next);
        }
        return next;
    }

    /** Whether its amount is taken from the frozen money. */
    public boolean claimsFrozenMoney() {
        return this != HELD;
    }
}
