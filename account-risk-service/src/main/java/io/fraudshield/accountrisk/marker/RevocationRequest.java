package io.fraudshield.accountrisk.marker;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Why a marker is withdrawn; kept with the marker and audited. */
public record RevocationRequest(@NotNull @Size(min = 5, max = 2000) String reason) {
}
