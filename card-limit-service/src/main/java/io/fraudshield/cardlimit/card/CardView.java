package io.fraudshield.cardlimit.card;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fraudshield.cardlimit.reservation.CardSlot;
import io.fraudshield.cardlimit.reservation.SlotState;
import io.fraudshield.cardlimit.rules.AccountClass;
import io.fraudshield.cardlimit.rules.CardCategory;

import java.time.Instant;
import java.util.UUID;

/** An account (and the card issued on it) at the calling bank, masked: BIN and last 4 only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CardView(UUID id, String customerRef, AccountClass accountClass, CardCategory cardCategory,
                       SlotState state, String maskedCard, boolean openedByAgent, Instant confirmedAt, Instant endedAt) {

    public static CardView of(CardSlot slot) {
        String masked = slot.cardBin == null ? null : slot.cardBin + "******" + slot.cardLast4;
        return new CardView(slot.id, slot.customerRef, slot.accountClass, slot.cardCategory, slot.state, masked,
                slot.agentRef != null, slot.confirmedAt, slot.endedAt);
    }
}
