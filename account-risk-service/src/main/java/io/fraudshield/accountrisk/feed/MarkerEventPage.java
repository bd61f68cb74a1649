package io.fraudshield.accountrisk.feed;

import java.util.List;

/** A page of the feed; ask again with {@code after=next} (equal to {@code after} when nothing is new). */
public record MarkerEventPage(List<MarkerEventView> events, long next) {
}
