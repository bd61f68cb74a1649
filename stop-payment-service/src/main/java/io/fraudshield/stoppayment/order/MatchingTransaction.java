package io.fraudshield.stoppayment.order;

import io.fraudshield.common.money.Money;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;

/** The transaction the bank must match before it stops (docs/rules.md A6: amount and time). */
public record MatchingTransaction(@NotNull Instant time, @NotNull Money amount) {
}
