package io.fraudshield.stoppayment.feedback;

import io.fraudshield.stoppayment.order.OrderState;

/** What a bank says about an order: it has it (optional), then one answer (止付/冻结结果反馈). */
public enum FeedbackStatus {
    ACKNOWLEDGED(OrderState.ACKNOWLEDGED),
    EXECUTED(OrderState.EXECUTED),
    PARTIALLY_EXECUTED(OrderState.PARTIALLY_EXECUTED),
    NOT_EXECUTED(OrderState.NOT_EXECUTED);

    private final OrderState state;

    FeedbackStatus(OrderState state) {
        this.state = state;
    }

    public OrderState state() {
        return state;
    }
}
