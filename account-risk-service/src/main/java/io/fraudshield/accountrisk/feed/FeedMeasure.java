package io.fraudshield.accountrisk.feed;

import java.time.Instant;

/**
 * One measure of a restriction on the feed and the instant it ends (exclusive): in force while now is before
 * {@code validUntil}. The instant is the start of the measure's last day in {@code accountrisk.punishment.zone},
 * so comparing it with the clock gives the same answer as the person-restrictions endpoint comparing dates.
 */
public record FeedMeasure(String measure, Instant validUntil) {
}
