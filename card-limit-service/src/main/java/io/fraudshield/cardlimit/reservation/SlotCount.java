package io.fraudshield.cardlimit.reservation;

import io.fraudshield.cardlimit.rules.AccountClass;
import io.fraudshield.cardlimit.rules.CardCategory;

/** How many slots of one kind and state: the rows the limits are counted from. */
public record SlotCount(AccountClass accountClass, CardCategory cardCategory, SlotState state, long count) {
}
