package io.fraudshield.accountrisk.feed;

import java.util.List;

/**
 * A page of the feed; ask again with {@code after=next} (equal to {@code after} when nothing is new). {@code head}
 * is the last committed seq, read after the page (so at least the seq of its last event): how far a mirror is
 * behind, and below {@code after} when the feed has lost changes a reader saw.
 */
public record MarkerEventPage(List<MarkerEventView> events, long next, long head) {
}
