package io.fraudshield.accountrisk.antiscan;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Anti-enumeration token buckets (docs/rules.md B1, after Pix DICT): one bucket per participant, sized by its
 * tier; a look-up that finds nothing costs more than a hit. Roles in {@code exempt-roles} are not metered, so
 * police and the services' own accounts are never starved by platforms.
 */
@ConfigMapping(prefix = "accountrisk.antiscan")
public interface AntiScanConfig {

    /** Bucket sizes by tier name. */
    Map<String, Tier> tiers();

    /** The tier of each participant, e.g. {@code participants."PAY001"=A}; others get {@link #defaultTier()}. */
    Map<String, String> participants();

    @WithDefault("D")
    String defaultTier();

    /** Tokens an account with a marker costs. */
    @WithDefault("1")
    int hitCost();

    /** Tokens an account with no marker costs (Pix: 3 per participant). */
    @WithDefault("3")
    int missCost();

    @WithDefault("police,regulator,service")
    Set<String> exemptRoles();

    /**
     * Tokens a replica takes from the shared bucket at once and spends without asking Redis, at most a fiftieth
     * of the tier's capacity (a small bucket is never leased: every query asks Redis).
     */
    @WithDefault("60")
    int leaseTokens();

    /** How long a lease may be spent; Redis forgets it after this, so a lost replica holds tokens no longer. */
    @WithDefault("1s")
    Duration leaseTtl();

    interface Tier {
        /** Most tokens the bucket holds. */
        long capacity();

        /** Tokens added per minute, up to the capacity. */
        long refillPerMinute();
    }
}
