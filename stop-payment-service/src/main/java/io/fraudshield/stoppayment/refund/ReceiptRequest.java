package io.fraudshield.stoppayment.refund;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** The bank's receipt (回执): the money went to the victims, without fees (docs/rules.md A7). */
public record ReceiptRequest(@NotBlank @Size(max = 100) String receiptNumber, @NotNull Instant completedAt) {
}
