package io.fraudshield.stoppayment.order;

import io.fraudshield.common.money.Money;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** The officer's scope for follow-ups issued without asking: down to a layer, up to an amount each, until a time. */
public record StandingAuthorisationRequest(@Min(2) @Max(20) int maxLayer, @NotNull Money maxAmount,
                                           @NotNull Instant validUntil, @NotBlank @Size(max = 500) String legalBasis) {
}
