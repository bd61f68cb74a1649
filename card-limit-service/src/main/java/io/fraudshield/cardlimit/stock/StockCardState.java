package io.fraudshield.cardlimit.stock;

import io.fraudshield.cardlimit.slot.SlotState;

/** A reported card's state at the bank. */
public enum StockCardState {
    ACTIVE(SlotState.ACTIVE), INACTIVE(SlotState.INACTIVE), CLOSED(SlotState.CLOSED);

    private final SlotState slotState;

    StockCardState(SlotState slotState) {
        this.slotState = slotState;
    }

    public SlotState slotState() {
        return slotState;
    }
}
