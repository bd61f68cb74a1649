package io.fraudshield.accountrisk.antiscan;

/**
 * This replica's share of one participant's bucket: tokens taken from Redis in one script call and spent here
 * without asking again, until they run out or the lease ends. Redis counts a lease against the bucket until it
 * is settled or expires, so what all replicas spend together never exceeds what the bucket gives.
 */
final class Lease {

    /** Held while the lease is settled and renewed with Redis: one renewal per replica and participant at a time. */
    final Object renewal = new Object();
    private long tokens;
    private long endsAt;

    /**
     * Admits a request if the lease has a token left and has not ended, and spends what it can of {@code cost}.
     * @return the part of the cost the lease did not cover (to be charged to Redis), or -1 when not admitted
     */
    synchronized long admit(long cost, long now) {
        if (tokens < 1 || now - endsAt >= 0) {
            return -1;
        }
        long spent = Math.min(tokens, cost);
        tokens -= spent;
        return cost - spent;
    }

    /** Empties the lease; the tokens returned are given back to Redis by the caller (or lost, which is safe). */
    synchronized long takeUnspent() {
        long unspent = tokens;
        tokens = 0;
        return unspent;
    }

    synchronized void renew(long granted, long endsAt) {
        this.tokens = granted;
        this.endsAt = endsAt;
    }
}
