package io.fraudshield.accountrisk.appeal;

import io.fraudshield.common.problem.IllegalTransitionException;

/** FILED → UPHELD (the restriction is lifted at once) or REJECTED; a decision is final. */
public enum AppealState {
    FILED, UPHELD, REJECTED;

    public AppealState to(AppealState next) {
        if (this != FILED || next == FILED) {
            throw new IllegalTransitionException("An appeal", this, next);
        }
        return next;
    }
}
