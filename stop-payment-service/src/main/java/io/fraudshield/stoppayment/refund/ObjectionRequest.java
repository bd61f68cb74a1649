package io.fraudshield.stoppayment.refund;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An objection received during the public notice, as the police record it. */
public record ObjectionRequest(@NotBlank @Size(max = 2000) String objection) {
}
