package io.fraudshield.cardlimit.override;

import io.fraudshield.common.problem.IllegalTransitionException;

/** PENDING_APPROVAL → APPROVED (by someone else) → USED (by one reservation). */
public enum OverrideState {
    PENDING_APPROVAL, APPROVED, USED;

    public OverrideState to(OverrideState next) {
        boolean allowed = (this == PENDING_APPROVAL && next == APPROVED) || (this == APPROVED && next == USED);
        if (!allowed) {
            throw new IllegalTransitionException("An override", this, next);
        }
        return next;
    }
}
