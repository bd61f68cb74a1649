package io.fraudshield.accountrisk.feed;

import java.util.List;

/**
 * A page of the feed; ask again with {@code after=next} (equal to {@code after} when nothing is new). {@code head}
 * is the last committed seq read in the same snapshot as the page (one statement): {@code next == head} means the
 * reader holds every change committed when the page was read; {@code head} below {@code after} means the feed has
 * lost changes a reader saw.
 */
public record MarkerEventPage(List<MarkerEventView> events, long next, long head) {
}
