package io.fraudshield.common.audit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The heads of all audit chains at one moment, signed with the audit key. Auditors keep copies: a later
 * verification against one proves the chains still reach at least that far, even if the database's own
 * copies of the checkpoints were removed and an older head was put back. Each checkpoint also signs the
 * signature of the one stored before it, so the stored checkpoints form a chain of their own: one removed,
 * replaced or replayed in the middle no longer links.
 */
@Schema(description = "Signed heads of every audit chain at one moment; keep it and send it back to verify against")
public record AuditCheckpoint(
        @NotNull @Schema(description = "When the heads were read") Instant createdAt,
        @NotEmpty @Size(max = 4096) List<@Valid @NotNull ChainHead> heads,
        @Size(max = 100)
        @Schema(description = "The signature of the checkpoint stored before this one; absent for the first") String previous,
        @NotBlank @Size(max = 100)
        @Schema(description = "HMAC-SHA256 under the audit key: key id, a dot, base64url MAC") String signature) {

    static final String SIGN_DOMAIN = "audit-checkpoint";

    static AuditCheckpoint sign(Instant createdAt, List<ChainHead> heads, String previous, AuditKeys keys) {
        AuditCheckpoint unsigned = new AuditCheckpoint(createdAt, List.copyOf(heads), previous, null);
        return new AuditCheckpoint(createdAt, unsigned.heads(), previous, keys.seal(SIGN_DOMAIN, unsigned.signedContent()));
    }

    boolean isSignedBy(AuditKeys keys) {
        return keys.check(SIGN_DOMAIN, signedContent(), signature) == AuditKeys.Seal.VALID;
    }

    private String signedContent() {
        return createdAt + "|" + (previous == null ? "" : previous) + "|" + heads.stream().map(ChainHead::sealedContent).collect(Collectors.joining(","));
    }
}
