package io.fraudshield.cardlimit.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

/**
 * Token buckets for opening decisions, per bank: a bank belongs to a tier ({@code banks."B102"=national}, else
 * {@link #defaultTier()}), and a tier says how many decisions a bank may make at once and how fast they come back.
 * docs/card-limit.md "Rate limits" gives the numbers against a normal day.
 */
@ConfigMapping(prefix = "cardlimit.opening-rate")
public interface OpeningRateConfig {

    @WithDefault("standard")
    String defaultTier();

    Map<String, Tier> tiers();

    /** Bank participant code → tier name. */
    Map<String, String> banks();

    /**
     * The most tokens a replica draws from a bank's bucket at once and then spends without a round trip (at most the
     * bucket / (20 × max-replicas); 1 draws per decision). {@link OpeningTokenLeases}.
     */
    @WithDefault("10")
    int leaseSize();

    /** How long a replica may spend a lease; what it did not spend by then goes back with its next draw. */
    @WithDefault("1s")
    Duration leaseFor();

    /**
     * The most replicas that run at once (k8s: the HorizontalPodAutoscaler's maxReplicas, 20): a lease is at most the
     * bucket / (20 × this), so all replicas' leases together, the most a burst can exceed the bucket by, stay under
     * 1/20 of it.
     */
    @WithDefault("20")
    int maxReplicas();

    /**
     * How long a decision waits while another request of its bank on this replica draws the next lease (normally one
     * round trip); past it the decision answers 503 with Retry-After instead of queueing behind a stalled database call.
     */
    @WithDefault("2s")
    Duration leaseWait();

    interface Tier {
        /** Decisions a bank may make in a burst. */
        int bucketSize();

        /** Decisions that come back per minute, up to the bucket size. */
        int refillPerMinute();
    }
}
