package io.fraudshield.common.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The verifier's answer: whether the chain is intact, how many events were checked, and where it breaks. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditVerification(boolean intact, long verifiedEvents, BrokenLink firstBrokenLink) {

    public record BrokenLink(long seq, String reason) {
    }

    static AuditVerification intact(long events) {
        return new AuditVerification(true, events, null);
    }

    static AuditVerification broken(long verifiedEvents, long seq, String reason) {
        return new AuditVerification(false, verifiedEvents, new BrokenLink(seq, reason));
    }
}
