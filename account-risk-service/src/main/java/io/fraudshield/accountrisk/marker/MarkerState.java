package io.fraudshield.accountrisk.marker;

import io.fraudshield.common.problem.IllegalTransitionException;

/** PENDING_APPROVAL (BLACK, maker-checker) → ACTIVE → REVOKED; a pending marker may also be revoked. */
public enum MarkerState {
    PENDING_APPROVAL, ACTIVE, REVOKED;

    public MarkerState to(MarkerState next) {
        boolean allowed = (this == PENDING_APPROVAL && (next == ACTIVE || next == REVOKED))
                || (this == ACTIVE && next == REVOKED);
        if (!allowed) {
            throw new IllegalTransitionException("A marker", this, next);
        }
        return next;
    }
}
