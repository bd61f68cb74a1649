package io.fraudshield.cardlimit.card;

import io.fraudshield.common.identifier.CardNumber;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The card issued on a held slot; its number is kept only as a keyed hash, BIN and last 4. */
public record ConfirmationRequest(
        @Schema(description = "Required when the reservation issued a card; refused when it did not (a Class III account, "
                + "an account without card)")
        CardNumber cardNumber) {
}
