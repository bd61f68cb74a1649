package io.fraudshield.cardlimit.card;

import io.fraudshield.cardlimit.rules.Channel;
import io.fraudshield.common.identifier.PersonDocument;
import jakarta.validation.constraints.NotNull;

/** The agent, in person at the counter, activates a card opened on someone's behalf (docs/rules.md A1). */
public record ActivationRequest(@NotNull PersonDocument agent, @NotNull Channel channel) {
}
