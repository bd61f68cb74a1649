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

    /** The Retry-After of that 429. */
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
