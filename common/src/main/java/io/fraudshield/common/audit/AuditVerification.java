package io.fraudshield.common.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The verifier's answer: whether every chain is intact, how many events were checked, and where one breaks. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditVerification(boolean intact, long verifiedEvents, BrokenLink firstBrokenLink) {

    /** The first broken link: chain and position within it (both absent when a stored checkpoint itself is bad). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BrokenLink(Integer chain, Long seq, String reason) {
    }

    static AuditVerification intact(long events) {
        return new AuditVerification(true, events, null);
    }

    static AuditVerification broken(long verifiedEvents, int chain, long seq, String reason) {
        return new AuditVerification(false, verifiedEvents, new BrokenLink(chain, seq, reason));
    }

    static AuditVerification brokenCheckpoint(String reason) {
        return new AuditVerification(false, 0, new BrokenLink(null, null, reason));
    }
}
