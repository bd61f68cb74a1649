package io.fraudshield.accountrisk.antiscan;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The bucket script divides by the refill and the lease lifetime: configurations that would break it do not start. */
class AntiScanConfigCheckTest {

    @Test
    void aSoundConfigurationStarts() {
        assertDoesNotThrow(() -> TokenBuckets.check(config(tier(4000, 500), Duration.ofSeconds(1), 60, "D")));
    }

    @Test
    void aTierThatNeverRefillsOrHoldsNothingIsRefused() {
        assertThrows(IllegalStateException.class, () -> TokenBuckets.check(config(tier(4000, 0), Duration.ofSeconds(1), 60, "D")));
        assertThrows(IllegalStateException.class, () -> TokenBuckets.check(config(tier(0, 500), Duration.ofSeconds(1), 60, "D")));
    }

    @Test
    void aLeaseThatNeverLivesOrANegativeLeaseIsRefused() {
        assertThrows(IllegalStateException.class, () -> TokenBuckets.check(config(tier(4000, 500), Duration.ZERO, 60, "D")));
        assertThrows(IllegalStateException.class, () -> TokenBuckets.check(config(tier(4000, 500), Duration.ofSeconds(1), -1, "D")));
    }

    @Test
    void aDefaultTierThatDoesNotExistIsRefused() {
        assertThrows(IllegalStateException.class, () -> TokenBuckets.check(config(tier(4000, 500), Duration.ofSeconds(1), 60, "Z")));
    }

    private static AntiScanConfig.Tier tier(long capacity, long refillPerMinute) {
        return stub(AntiScanConfig.Tier.class, Map.of("capacity", capacity, "refillPerMinute", refillPerMinute));
    }

    private static AntiScanConfig config(AntiScanConfig.Tier tier, Duration leaseTtl, int leaseTokens, String defaultTier) {
        Map<String, Object> values = new HashMap<>();
        values.put("tiers", Map.of("D", tier));
        values.put("participants", Map.of());
        values.put("defaultTier", defaultTier);
        values.put("hitCost", 1);
        values.put("missCost", 3);
        values.put("exemptRoles", Set.of("police"));
        values.put("leaseTokens", leaseTokens);
        values.put("leaseTtl", leaseTtl);
        return stub(AntiScanConfig.class, values);
    }

    private static <T> T stub(Class<T> type, Map<String, Object> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type},
                (proxy, method, args) -> values.get(method.getName())));
    }
}
