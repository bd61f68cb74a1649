package io.fraudshield.common.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How the outbox relay works: {@code fraudshield.outbox.*}, overridable per environment. */
@ConfigMapping(prefix = "fraudshield.outbox")
public interface OutboxConfig {

    /** How often the relay looks for due messages ({@code off} disables it, e.g. in tests that drive it). */
    @WithDefault("2s")
    String relayEvery();

    /** Messages claimed at once; each is delivered in turn, so keep batch × call timeout well under the lease. */
    @WithDefault("20")
    int batchSize();

    /** How long a claim keeps other relays away; a relay that crashed frees its messages when it runs out. */
    @WithDefault("PT60S")
    Duration lease();

    /** Attempts before a message becomes a dead letter. */
    @WithDefault("12")
    int maxAttempts();

    /** Delay before the first retry; doubled with each further attempt, with jitter. */
    @WithDefault("PT2S")
    Duration backoffBase();

    /** The longest delay between two attempts. */
    @WithDefault("PT10M")
    Duration backoffMax();

    /** How long delivered messages are kept (for tracing) before they are deleted; dead letters stay. */
    @WithDefault("P7D")
    Duration keepDelivered();
}
