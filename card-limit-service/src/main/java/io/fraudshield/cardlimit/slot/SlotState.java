package io.fraudshield.cardlimit.slot;

import io.fraudshield.common.problem.IllegalTransitionException;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a slot: HELD by a reservation, then RELEASED, EXPIRED or confirmed as a card that is
 * INACTIVE (agent-opened, awaiting the agent at the counter) or ACTIVE, and finally CLOSED.
 */
public enum SlotState {
    HELD, RELEASED, EXPIRED, INACTIVE, ACTIVE, CLOSED;

    /** States that occupy a slot (HELD only while its hold lasts). */
    public static final Set<SlotState> OCCUPYING = EnumSet.of(HELD, INACTIVE, ACTIVE);

    public boolean canBecome(SlotState next) {
        return switch (this) {
            case HELD -> next == RELEASED || next == EXPIRED || next == INACTIVE || next == ACTIVE;
            case INACTIVE -> next == ACTIVE || next == CLOSED;
            case ACTIVE -> next == CLOSED;
            case RELEASED, EXPIRED, CLOSED -> false;
        };
    }

    public SlotState to(SlotState next) {
        if (!canBecome(next)) {
            throw new IllegalTransitionException("A slot", this, next);
        }
        return next;
    }
}
