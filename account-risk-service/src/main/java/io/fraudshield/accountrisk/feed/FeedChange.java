package io.fraudshield.accountrisk.feed;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One change to put on the feed: which object, on which subject, and what it is now. {@code measures} only for
 * restrictions (null for markers).
 */
public record FeedChange(String objectType, UUID objectId, String subjectType, String subjectRef, String change,
                         String category, String level, Instant validFrom, Instant validUntil,
                         List<FeedMeasure> measures) {
}
