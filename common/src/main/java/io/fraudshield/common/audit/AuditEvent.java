package io.fraudshield.common.audit;

import io.fraudshield.common.digest.CanonicalDigest;

import java.time.Instant;

/**
 * A stored link of an audit chain; its hash covers every field, its chain and position, and the previous hash.
 * Its seal, an HMAC of the hash under an audit key the database does not hold, is what a table owner who
 * recomputes the hashes after an edit cannot reproduce.
 */
public record AuditEvent(int chain, long seq, Instant occurredAt, String actor, String role, String participant, String action,
                         String legalBasis, String objectType, String objectId, String beforeDigest,
                         String afterDigest, String prevHash, String hash, String seal) {

    public static final String GENESIS = "GENESIS";
    static final String SEAL_DOMAIN = "audit-event";

    /** The hash this event must carry, computed from its content and position. */
    public String expectedHash() {
        String content = String.join("\u001F", Integer.toString(chain), Long.toString(seq), occurredAt.toString(), actor, role, participant,
                action, nullable(legalBasis), objectType, objectId, nullable(beforeDigest), nullable(afterDigest),
                prevHash);
        return CanonicalDigest.sha256Hex(content);
    }

    /** This event with its hash computed and sealed under the active audit key. */
    AuditEvent sealed(AuditKeys keys) {
        String computed = expectedHash();
        return new AuditEvent(chain, seq, occurredAt, actor, role, participant, action, legalBasis, objectType, objectId,
                beforeDigest, afterDigest, prevHash, computed, keys.seal(SEAL_DOMAIN, computed));
    }

    /** The chain's head once this event is its last. */
    ChainHead head() {
        return new ChainHead(chain, seq, hash);
    }

    private static String nullable(String value) {
        return value == null ? "\u0000" : value;
    }
}
