package io.fraudshield.stoppayment.order;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The agency's signed act behind an order: its number, who issued it, and the SHA-256 of the document. */
public record LegalDocument(@NotBlank @Size(max = 100) String number, @NotBlank @Size(max = 200) String issuingAuthority,
                            @NotNull @Pattern(regexp = "[0-9a-f]{64}") String sha256) {
}
