package io.fraudshield.cardlimit.override;

import io.fraudshield.common.problem.IllegalTransitionException;

import java.util.EnumSet;
import java.util.Set;

/**
 * PENDING_APPROVAL → APPROVED (by a supervisor other than the requester) → USED (by one reservation); a pending one
 * may instead be REJECTED by a supervisor; a pending or approved one CANCELLED by its requester or EXPIRED after
 * {@code cardlimit.override-ttl}.
 */
public enum OverrideState {
    PENDING_APPROVAL, APPROVED, USED, REJECTED, CANCELLED, EXPIRED;

    /** States an override can still leave. */
    public static final Set<OverrideState> LIVE = EnumSet.of(PENDING_APPROVAL, APPROVED);

    public boolean canBecome(OverrideState next) {
        return switch (this) {
            case PENDING_APPROVAL -> next == APPROVED || next == REJECTED || next == CANCELLED || next == EXPIRED;
            case APPROVED -> next == USED || next == CANCELLED || next == EXPIRED;
            case USED, REJECTED, CANCELLED, EXPIRED -> false;
        };
    }

    public OverrideState to(OverrideState next) {
        if (!canBecome(next)) {
            throw new IllegalTransitionException("An override", this, next);
        }
        return next;
    }
}
