package io.fraudshield.cardlimit.restriction;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A page of account-risk-service's change feed ({@code GET /v1/marker-events}) as the mirror reads it: only the
 * fields it needs, everything else ignored so the feed can grow. Nothing here is trusted before
 * {@link MirrorState#apply} has checked it.
 *
 * @param head the feed's last seq when the page was read (null from a service that does not send it)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedPage(List<Entry> events, Long next, Long head) {

    /** One change; {@code measures} only on restrictions, each with the instant it ends (exclusive). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(Long seq, String objectType, UUID objectId, String subjectType, String subjectRef,
                        String change, List<Measure> measures) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Measure(String measure, Instant validUntil) {
    }
}
