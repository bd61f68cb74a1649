package io.fraudshield.accountrisk.feed;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One entry of the change feed. {@code subjectRef} is the keyed reference (an accountRef or customerRef):
 * a holder of the pseudonym keys (card-limit-service) can match it, nobody else can reverse it. {@code measures}
 * (restrictions only; absent on markers and on restriction changes recorded before it existed) names each measure
 * and when it ends, so a mirror can answer as {@code GET /v1/person-restrictions/{customerRef}} does.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MarkerEventView(long seq, String objectType, UUID objectId, String subjectType, String subjectRef,
                              String change, String category, String level, Instant validFrom, Instant validUntil,
                              Instant occurredAt, List<FeedMeasure> measures) {
}
