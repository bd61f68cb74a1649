package io.fraudshield.stoppayment.participant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The card BINs (first 6 digits) {@code from} to {@code to}, both included. */
public record BinRangeRequest(@NotNull @Pattern(regexp = "[0-9]{6}") String from,
                              @NotNull @Pattern(regexp = "[0-9]{6}") String to) {
}
