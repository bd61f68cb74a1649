package io.fraudshield.stoppayment.feedback;

import io.fraudshield.common.money.Money;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** A freeze by another authority that came first (在先冻结): who, how much, until when. */
public record PriorFreeze(@NotBlank @Size(max = 200) String authority, @NotNull Money amount, Instant until) {
}
