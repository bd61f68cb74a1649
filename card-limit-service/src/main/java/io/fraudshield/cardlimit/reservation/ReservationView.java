package io.fraudshield.cardlimit.reservation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fraudshield.cardlimit.rules.AccountClass;
import io.fraudshield.cardlimit.rules.CardCategory;
import io.fraudshield.cardlimit.rules.Channel;
import io.fraudshield.cardlimit.rules.Outcome;
import io.fraudshield.cardlimit.rules.ReasonCode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A reservation: on ALLOW it holds a slot until {@code heldUntil}; on DENY or REVIEW it holds nothing. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReservationView(UUID id, SlotState state, Outcome decision, List<ReasonCode> reasons, String customerRef,
                              AccountClass accountClass, CardCategory cardCategory, Channel channel, Instant heldUntil,
                              List<HoldingView> holdings) {

    static ReservationView of(CardSlot slot) {
        return new ReservationView(slot.id, slot.state, Outcome.ALLOW, List.of(), slot.customerRef, slot.accountClass,
                slot.cardCategory, slot.channel, slot.heldUntil, null);
    }
}
