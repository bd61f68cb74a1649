package io.fraudshield.common.audit;

import io.fraudshield.common.digest.CanonicalDigest;

import java.time.Instant;

/** A stored link of an audit chain; its hash covers every field, its chain and position, and the previous hash. */
public record AuditEvent(int chain, long seq, Instant occurredAt, String actor, String role, String participant, String action,
                         String legalBasis, String objectType, String objectId, String beforeDigest,
                         String afterDigest, String prevHash, String hash) {

    public static final String GENESIS = "GENESIS";

    /** The hash this event must carry, computed from its content and position. */
    public String expectedHash() {
        String content = String.join("\u001F", Integer.toString(chain), Long.toString(seq), occurredAt.toString(), actor, role, participant,
                action, nullable(legalBasis), objectType, objectId, nullable(beforeDigest), nullable(afterDigest),
                prevHash);
        return CanonicalDigest.sha256Hex(content);
    }

    private static String nullable(String value) {
        return value == null ? "\u0000" : value;
    }
}
