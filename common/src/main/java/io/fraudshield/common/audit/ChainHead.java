package io.fraudshield.common.audit;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** Where one audit chain ends: its last event's position and hash ({@code 0}, {@code GENESIS} before the first). */
public record ChainHead(@Min(0) int chain, @Min(0) long seq,
                        @NotBlank @Pattern(regexp = "GENESIS|[0-9a-f]{64}") String hash) {

    static final String SEAL_DOMAIN = "audit-head";

    static ChainHead genesis(int chain) {
        return new ChainHead(chain, 0, AuditEvent.GENESIS);
    }

    /** What a head's seal and a checkpoint's signature cover for this chain. */
    String sealedContent() {
        return chain + ":" + seq + ":" + hash;
    }
}
