package io.fraudshield.accountrisk.appeal;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The listing agency's or regulator's answer: UPHELD lifts the restriction at once, REJECTED keeps it. */
public record DecisionRequest(@NotNull AppealState outcome, @NotNull @Size(min = 10, max = 2000) String reason) {
}
