package io.fraudshield.cardlimit.override;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fraudshield.cardlimit.rules.Limit;

import java.time.Instant;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record OverrideView(UUID id, String customerRef, Limit limitKind, String reason, OverrideState state,
                           String requestedBy, String approvedBy, Instant approvedAt, UUID usedBySlot) {

    static OverrideView of(LimitOverride o) {
        return new OverrideView(o.id, o.customerRef, o.limitKind, o.reason, o.state, o.requestedBy, o.approvedBy,
                o.approvedAt, o.usedBySlot);
    }
}
