package io.fraudshield.cardlimit.time;

import java.time.Instant;

/**
 * This replica's clock, for timestamps that record when something happened here (audit views, upload
 * progress). Never for deciding whether a hold lasts: that is the database's clock, the one all replicas share
 * ({@code CardSlotRepository.databaseNow()}).
 */
public interface TimeSource {

    Instant now();
}
