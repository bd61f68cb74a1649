package io.fraudshield.accountrisk.restriction;

import io.fraudshield.common.problem.IllegalTransitionException;

/**
 * IN_FORCE → SUPERSEDED (listed again: the new row carries the episode on) or LIFTED (an upheld appeal).
 * Expiry needs no state: a term whose dates have passed is simply no longer in force.
 */
public enum RestrictionState {
    IN_FORCE, SUPERSEDED, LIFTED;

    public RestrictionState to(RestrictionState next) {
        if (this != IN_FORCE || next == IN_FORCE) {
            throw new IllegalTransitionException("A restriction", this, next);
        }
        return next;
    }
}
