package io.fraudshield.cardlimit.reservation;

import io.fraudshield.cardlimit.rules.Channel;
import io.fraudshield.cardlimit.rules.Product;
import io.fraudshield.common.identifier.PersonDocument;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** An account opening to check or to reserve a slot for. */
public record OpeningRequest(
        @NotNull PersonDocument customer,
        @NotNull Product product,
        @NotNull Channel channel,
        @Schema(description = "The agent's document when someone opens on the customer's behalf (代理开卡)")
        PersonDocument agent,
        @Schema(description = "An approved supervisor override granting one slot over the limit")
        UUID overrideId) {
}
