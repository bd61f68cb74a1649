package io.fraudshield.accountrisk.marker;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

import java.time.Instant;
import java.util.UUID;

/**
 * A marker as one caller may see it: {@link MarkerVisibility} decides which fields are filled. A payment
 * platform gets category and level only; evidence and the source's case go to the source and police/regulator.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MarkerView(UUID id, SubjectType subjectType, MarkerCategory category, MarkerLevel level,
                         String reasonCode, MarkerState state, Instant validFrom, Instant validUntil, String source,
                         String evidenceRef, @JsonRawValue String evidence, Instant createdAt, String approvedBy,
                         Instant revokedAt, String revocationReason) {

    static MarkerView full(Marker marker) {
        return new MarkerView(marker.id, marker.subjectType, marker.category, marker.level, marker.reasonCode,
                marker.state, marker.validFrom, marker.validUntil, marker.sourceParticipant, marker.evidenceRef,
                marker.evidence, marker.createdAt, marker.approvedBy, marker.revokedAt, marker.revocationReason);
    }
}
