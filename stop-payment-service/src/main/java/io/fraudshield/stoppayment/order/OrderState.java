package io.fraudshield.stoppayment.order;

import io.fraudshield.common.problem.IllegalTransitionException;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of an order. A follow-up without standing authorisation waits in PENDING_APPROVAL; the bank
 * acknowledges (optional) and answers once; an executed stop or freeze ends by expiry or release.
 */
public enum OrderState {
    PENDING_APPROVAL, ISSUED, ACKNOWLEDGED, EXECUTED, PARTIALLY_EXECUTED, NOT_EXECUTED, EXPIRED, RELEASED;

    private static final Map<OrderState, Set<OrderState>> NEXT = Map.of(
            PENDING_APPROVAL, EnumSet.of(ISSUED),
            ISSUED, EnumSet.of(ACKNOWLEDGED, EXECUTED, PARTIALLY_EXECUTED, NOT_EXECUTED),
            ACKNOWLEDGED, EnumSet.of(EXECUTED, PARTIALLY_EXECUTED, NOT_EXECUTED),
            EXECUTED, EnumSet.of(EXPIRED, RELEASED),
            PARTIALLY_EXECUTED, EnumSet.of(EXPIRED, RELEASED),
            NOT_EXECUTED, EnumSet.noneOf(OrderState.class),
            EXPIRED, EnumSet.noneOf(OrderState.class),
            RELEASED, EnumSet.noneOf(OrderState.class));

    public OrderState to(OrderState next) {
        if (!NEXT.get(this).contains(next)) {
            throw new IllegalTransitionException("An order", this, next);
        }
        return next;
    }

    /** The bank's answer: executed, partly or not. */
    public boolean isAnswer() {
        return this == EXECUTED || this == PARTIALLY_EXECUTED || this == NOT_EXECUTED;
    }

    /** Money is held on the account now. */
    public boolean holds() {
        return this == EXECUTED || this == PARTIALLY_EXECUTED;
    }

    /** The bank answered at some point (the answer may since have ended). */
    public boolean answered() {
        return isAnswer() || this == EXPIRED || this == RELEASED;
    }

    /** Banks see an order once it is issued. */
    public boolean visibleToBank() {
        return this != PENDING_APPROVAL;
    }
}
