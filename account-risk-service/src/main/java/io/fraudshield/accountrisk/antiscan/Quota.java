package io.fraudshield.accountrisk.antiscan;

/**
 * A participant's bucket as it stands: {@code remaining} may be negative after a large batch (the batch is
 * answered, then paid for); requests are refused until it is positive again.
 */
public record Quota(boolean metered, String tier, long capacity, long refillPerMinute, long remaining, int hitCost,
                    int missCost) {
}
