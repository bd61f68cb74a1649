package io.fraudshield.cardlimit.card;

import io.fraudshield.common.identifier.CardNumber;
import jakarta.validation.constraints.NotNull;

/** The card issued on a held slot; its number is kept only as a keyed hash, BIN and last 4. */
public record ConfirmationRequest(@NotNull CardNumber cardNumber) {
}
