package io.fraudshield.cardlimit.stock;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Limits of stock uploads. An upload that sends nothing for {@code quarkus.http.read-timeout} (60 s by
 * default) is aborted by the HTTP layer: the blocked read fails and the upload is marked FAILED.
 */
@ConfigMapping(prefix = "cardlimit.stock")
public interface StockUploadConfig {

    /** Uploads of one bank receiving lines at the same time, across all replicas; beyond: 429. */
    @WithDefault("2")
    int maxConcurrentPerBank();

    /**
     * Uploads receiving lines at the same time on one replica, whatever their bank; beyond: 429. Each holds up to
     * two pooled database connections while its chunks are applied, so this keeps uploads from taking the pool
     * (quarkus.datasource.jdbc.max-size) away from openings.
     */
    @WithDefault("4")
    int maxConcurrentPerReplica();

    /** The Retry-After of those 429s. */
    @WithDefault("PT30S")
    Duration retryAfter();

    /**
     * An upload still RECEIVING without progress for this long lost its replica (restart, crash) and is marked
     * FAILED. A live upload writes progress every few seconds while lines arrive and fails itself after the read
     * timeout, so twice that timeout is safe.
     */
    @WithDefault("PT2M")
    Duration stalledAfter();
}
