package io.fraudshield.accountrisk.marker;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A marker as one caller may see it: {@link MarkerVisibility} decides which fields are filled. A payment
 * platform gets category and level only; evidence and the source's case go to the source and police/regulator.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MarkerView(UUID id, SubjectType subjectType, MarkerCategory category, MarkerLevel level,
                         String reasonCode, MarkerState state, Instant validFrom, Instant validUntil, String source,
                         String evidenceRef, Map<String, Object> evidence, Instant createdAt, String approvedBy,
                         Instant revokedAt, String revocationReason) {

    private static final ObjectMapper EVIDENCE = new ObjectMapper();

    static MarkerView full(Marker marker) {
        return new MarkerView(marker.id, marker.subjectType, marker.category, marker.level, marker.reasonCode,
                marker.state, marker.validFrom, marker.validUntil, marker.sourceParticipant, marker.evidenceRef,
                evidence(marker.evidence), marker.createdAt, marker.approvedBy, marker.revokedAt, marker.revocationReason);
    }

    /** The evidence object as stored (JSON text written by this service). */
    private static Map<String, Object> evidence(String text) {
        try {
            return text == null ? null : EVIDENCE.readValue(text, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored evidence is not JSON", e);
        }
    }
}
