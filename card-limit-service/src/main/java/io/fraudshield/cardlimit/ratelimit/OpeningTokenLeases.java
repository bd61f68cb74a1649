package io.fraudshield.cardlimit.ratelimit;

import io.fraudshield.common.problem.ProblemException;
import io.fraudshield.common.problem.ProblemType;
import io.fraudshield.common.sql.RoundTrip;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * This replica's leases on the banks' opening-decision buckets. A bank's bucket is one row that every replica shares
 * ({@code opening_rate_bucket}); taking one token per decision from it meant one round trip per decision, and every
 * decision of a bank queued on that one row. Instead a replica draws a small lease of tokens from the row in one
 * statement and spends them in memory, one per decision, without a round trip. When its lease is spent, or older than
 * {@code lease-for}, it goes back to the row: the same statement gives back what the old lease did not spend (only if
 * it ran out less than one {@code lease-for} ago, else those tokens are lost) and draws the next one. An empty row
 * draws nothing: the decision is refused (429), as before.
 *
 * <p>Why the bank's limit still holds across any number of replicas: every decision spends a token that was taken out
 * of the row, once, under the row's lock; the row is refilled by the database's clock in the same statement, never
 * above the bucket and never below zero. So over any span a bank makes at most the bucket plus the refill of the span,
 * as with one round trip per decision — plus, in a burst, what the replicas held out of the row when it started:
 * tokens drawn less than two {@code lease-for} before (a lease's own second, then the second in which its rest may
 * come back), at most {@code lease − 1} per replica, which is less than 1/20 of the bucket for all replicas together
as long as no more than {@code max-replicas} run ({@link #leaseOf}). Tokens
 * kept longer never come back: an idle replica cannot save a lease past a refill and add it to a full bucket later.
 * What a lease costs is the other way, conservative: a replica that dies, or stays idle, loses its unspent tokens, and
 * a replica may refuse while another holds a few. Within a replica, one lock per bank: concurrent requests spend a lease exactly
 * once, and while one of them draws the next lease the others wait for it rather than queue on the row themselves —
 * for at most {@code lease-wait}: a draw stalled in the database would otherwise hold every opening of the bank on this
 * replica, so past that wait a decision answers 503 unavailable with Retry-After and the draw goes on alone.
 */
public final class OpeningTokenLeases {

    /**
     * All replicas' leases together are at most this share of the bucket (a lease is at most the bucket / (20 × the
     * most replicas)): small buckets draw one token per decision, as without leases.
     */
    static final int BUCKET_SHARE = 20;

    /** The bank's row, full, the first time any replica draws. */
    private static final String CREATE = """
            insert into opening_rate_bucket (bank, tokens, refilled_at) values (?, ?, clock_timestamp())
            on conflict (bank) do nothing
            """;
    /**
     * Gives back the unspent tokens and draws the next lease, by one reading of the database's clock: the refill since
     * the last draw plus what comes back, up to the bucket; then {@code least(lease, whole tokens there)}, or nothing
     * when less than one token is there. The row is locked first, so what is drawn is computed from its latest state.
     */
    private static final String DRAW = """
            with clock (now) as (select clock_timestamp()),
                 bucket (available) as (
                     select least(?, tokens + extract(epoch from clock.now - refilled_at) * ? + ?)
                       from opening_rate_bucket, clock where bank = ? for update of opening_rate_bucket),
                 lease (available, drawn) as (
                     select available, least(?, floor(available))::int from bucket where available >= 1)
            update opening_rate_bucket b set tokens = lease.available - lease.drawn, refilled_at = clock.now
              from lease, clock where b.bank = ?
            returning lease.drawn
            """;
    private static final String WAIT = """
            select ceil((1 - least(?, tokens + extract(epoch from clock_timestamp() - refilled_at) * ?)) / ?)
            from opening_rate_bucket where bank = ?
            """;

    private final DataSource dataSource;
    private final int leaseSize;
    private final long leaseNanos;
    private final int maxReplicas;
    private final long waitNanos;
    private final Map<String, Lease> leases = new ConcurrentHashMap<>();

    /**
     * @param leaseSize the most tokens one lease draws (1: a round trip per decision)
     * @param leaseFor  how long a lease may be spent; then its rest goes back with the next draw within as long again
     * @param maxReplicas the most replicas that run at once (the autoscaler's maximum): all their leases together stay
     *                    under 1/20 of a bucket
     * @param leaseWait   how long a decision waits while another request of its bank draws the next lease
     */
    public OpeningTokenLeases(DataSource dataSource, int leaseSize, Duration leaseFor, int maxReplicas, Duration leaseWait) {
        if (leaseSize < 1) {
            throw new IllegalArgumentException("cardlimit.opening-rate.lease-size must be at least 1");
        }
        if (leaseFor.isNegative() || leaseFor.isZero()) {
            throw new IllegalArgumentException("cardlimit.opening-rate.lease-for must be positive");
        }
        if (maxReplicas < 1) {
            throw new IllegalArgumentException("cardlimit.opening-rate.max-replicas must be at least 1");
        }
        if (leaseWait.isNegative() || leaseWait.isZero()) {
            throw new IllegalArgumentException("cardlimit.opening-rate.lease-wait must be positive");
        }
        this.dataSource = dataSource;
        this.leaseSize = leaseSize;
        this.leaseNanos = leaseFor.toNanos();
        this.maxReplicas = maxReplicas;
        this.waitNanos = leaseWait.toNanos();
    }

    /** Tokens one lease of a bank of this tier draws: the lease size, at most bucket / (20 × max replicas), at least 1. */
    public int leaseOf(OpeningRateConfig.Tier tier) {
        return Math.max(1, Math.min(leaseSize, tier.bucketSize() / (BUCKET_SHARE * maxReplicas)));
    }

    /**
     * Spends one token of the bank's bucket; false when the bucket is empty (the caller answers 429). A
     * {@link ProblemException} 503 when another request of the bank has been drawing its next lease for longer than
     * {@code lease-wait}.
     */
    public boolean take(String bank, OpeningRateConfig.Tier tier) {
        return leases.computeIfAbsent(bank, b -> new Lease()).take(bank, tier);
    }

    /** Whole seconds until the bank's row has a token again (for Retry-After; at least 1). */
    public long secondsUntilAToken(String bank, OpeningRateConfig.Tier tier) {
        double perSecond = tier.refillPerMinute() / 60.0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement read = connection.prepareStatement(WAIT)) {
            read.setDouble(1, tier.bucketSize());
            read.setDouble(2, perSecond);
            read.setDouble(3, perSecond);
            read.setString(4, bank);
            try (ResultSet seconds = read.executeQuery()) {
                return seconds.next() ? Math.max(1L, seconds.getLong(1)) : 1L;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("opening rate bucket", e);
        }
    }

    /** The tokens of one bank this replica has drawn and not spent yet, and until when it may spend them. */
    private final class Lease {
        private final ReentrantLock lock = new ReentrantLock();
        private int left;
        private long spendableUntil;

        boolean take(String bank, OpeningRateConfig.Tier tier) {
            acquire();
            try {
                if (left > 0 && System.nanoTime() - spendableUntil < 0) {
                    left--;
                    return true;
                }
                // given back by the draw below if the lease ran out just now, else lost; lost too if the draw fails:
                // never spent twice, never saved across a refill
                int unspent = System.nanoTime() - spendableUntil < leaseNanos ? left : 0;
                left = 0;
                int drawn = draw(bank, tier, unspent);
                if (drawn == 0) {
                    return false;
                }
                left = drawn - 1;
                spendableUntil = System.nanoTime() + leaseNanos;
                return true;
            } finally {
                lock.unlock();
            }
        }

        private void acquire() {
            try {
                if (lock.tryLock(waitNanos, TimeUnit.NANOSECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new ProblemException(ProblemType.UNAVAILABLE, "This bank's opening-decision tokens are being drawn from"
                    + " the database and it is slow to answer; send the request again", List.of(), Map.of("Retry-After", "1"));
        }
    }

    private int draw(String bank, OpeningRateConfig.Tier tier, int unspent) {
        // one round trip, autocommit: the row is locked for this statement only, never across a request's transaction
        try (Connection connection = dataSource.getConnection()) {
            RoundTrip draw = new RoundTrip();
            draw.add(CREATE, bank, (double) tier.bucketSize());
            int drawn = draw.add(DRAW, (double) tier.bucketSize(), tier.refillPerMinute() / 60.0, (double) unspent, bank,
                    leaseOf(tier), bank);
            RoundTrip.Rows rows = draw.run(connection).rows(drawn);
            return rows.isEmpty() ? 0 : ((Number) rows.single()[0]).intValue();
        } catch (SQLException e) {
            throw new IllegalStateException("opening rate bucket", e);
        }
    }
}
