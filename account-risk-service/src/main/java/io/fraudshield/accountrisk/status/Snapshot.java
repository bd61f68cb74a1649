package io.fraudshield.accountrisk.status;

import io.fraudshield.accountrisk.marker.MarkerFact;

import java.util.List;

/**
 * Every marker of one subject as PostgreSQL had it at change-feed position {@code seq} or later. It may be
 * used while the feed shows no change of the subject after {@code seq}.
 */
public record Snapshot(long seq, List<MarkerFact> markers) {
}
