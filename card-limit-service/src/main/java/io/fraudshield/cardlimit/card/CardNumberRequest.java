package io.fraudshield.cardlimit.card;

import io.fraudshield.common.identifier.CardNumber;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A card named by its number, in the body (a card number never goes into a URL, where logs and proxies keep it). */
public record CardNumberRequest(
        @Schema(description = "The full card (or account) number; matched under every live pseudonym key")
        @NotNull CardNumber cardNumber) {
}
