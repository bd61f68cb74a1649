package io.fraudshield.cardlimit.reservation;

import io.fraudshield.cardlimit.rules.AccountClass;
import io.fraudshield.cardlimit.rules.CardCategory;

/** A person's open slots of one kind at one bank, for the regulator's cross-bank view. */
public record BankSlotCount(String bank, AccountClass accountClass, CardCategory cardCategory, long count) {
}
