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
import java.util.Map;
import java.util.Set;
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
 * once, and while one of them draws the next lease the others wait for it rather than queue on the row themselves.
 *
 * <p>A stalled database (the row locked by someone else, a slow statement) must not hold the bank's openings on this
 * replica: the draw itself gives up in the database after {@code lease-wait} ({@link #BOUND}: lock and statement
 * timeout of its own round trip, which runs as one transaction), and a decision waits for another request's draw only
 * until that draw is {@code lease-wait} old — a decision arriving when it is already late (stuck before or after the
 * database, where no database timeout reaches) answers at once. Both answer 503 unavailable with Retry-After. A draw that fails in the database is rolled back whole: it took nothing from the row and gave
 * nothing back, so the old lease's rest stays where it was and may still go back with the next draw.
 */
public final class OpeningTokenLeases {

    /**
     * All replicas' leases together are at most this share of the bucket (a lease is at most the bucket / (20 × the
     * most replicas)): small buckets draw one token per decision, as without leases.
     */
    static final int BUCKET_SHARE = 20;

    /**
     * The first statement of a draw's round trip: its lock waits and its statements end after {@code lease-wait} (in
     * milliseconds, twice) with SQLSTATE 55P03 or 57014. Transaction-local: the round trip runs in autocommit but as
     * one transaction until its Sync, so the limits hold for the draw and leak into nothing after it.
     */
    static final String BOUND = "select set_config('lock_timeout', ?, true), set_config('statement_timeout', ?, true)";
    /** SQLSTATEs of a draw that gave up in the database: lock not granted (55P03), statement cancelled (57014). */
    private static final Set<String> GAVE_UP = Set.of("55P03", "57014");

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
        /** Fair: decisions of a bank get the lease in the order they came, none is overtaken until it times out. */
        private final ReentrantLock lock = new ReentrantLock(true);
        private int left;
        private long spendableUntil;
        /** When the running draw started ({@link System#nanoTime()}), while one runs; read without the lock. */
        private volatile long drawingSince;
        private volatile boolean drawing;

        boolean take(String bank, OpeningRateConfig.Tier tier) {
            acquire();
            try {
                if (left > 0 && System.nanoTime() - spendableUntil < 0) {
                    left--;
                    return true;
                }
                // given back by the draw below if the lease ran out just now, else lost: never spent twice, never saved
                // across a refill (an expired or spent lease is not spent from, whatever left says)
                int unspent = System.nanoTime() - spendableUntil < leaseNanos ? left : 0;
                int drawn = drawOnce(bank, tier, unspent);
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

        private int drawOnce(String bank, OpeningRateConfig.Tier tier, int unspent) {
            drawingSince = System.nanoTime();
            drawing = true;
            try {
                int drawn = draw(bank, tier, unspent);
                left = 0; // given back (or lost) by the draw that just committed
                return drawn;
            } catch (DrawGaveUp e) {
                // rolled back in the database: nothing given back, nothing drawn; the rest stays for the next draw
                throw unavailable("the database did not answer the draw of this bank's opening-decision tokens within "
                        + "the lease wait");
            } catch (RuntimeException | Error e) {
                // unknown whether it committed: the rest is lost rather than maybe given back twice
                left = 0;
                throw e;
            } finally {
                drawing = false;
            }
        }

        private void acquire() {
            // wait only until the running draw is lease-wait old (it gives up then itself); not at all when it already
            // is. The timed tryLock keeps the lock's order (the untimed one would overtake the queue)
            long wait = drawing ? Math.min(waitNanos, drawingSince + waitNanos - System.nanoTime()) : waitNanos;
            try {
                if (lock.tryLock(Math.max(0, wait), TimeUnit.NANOSECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw unavailable("the request was interrupted (the service is stopping?) while another request drew "
                        + "this bank's opening-decision tokens");
            }
            throw unavailable("another request of this bank has been drawing its opening-decision tokens from the "
                    + "database for longer than the lease wait");
        }
    }

    private static ProblemException unavailable(String why) {
        return ProblemException.retryAfter(ProblemType.UNAVAILABLE, "Opening decisions of this bank are briefly unavailable: "
                + why + "; send the request again", 1);
    }

    /** The draw gave up in the database (lock or statement timeout) and was rolled back. */
    private static final class DrawGaveUp extends RuntimeException {
        DrawGaveUp(SQLException cause) {
            super("opening rate bucket", cause);
        }
    }

    private int draw(String bank, OpeningRateConfig.Tier tier, int unspent) {
        // one round trip, autocommit: the row is locked for this statement only, never across a request's transaction
        try (Connection connection = dataSource.getConnection()) {
            RoundTrip draw = new RoundTrip();
            String bound = Math.max(1, waitNanos / 1_000_000) + "ms"; // 0 would mean no limit
            draw.add(BOUND, bound, bound);
            draw.add(CREATE, bank, (double) tier.bucketSize());
            int drawn = draw.add(DRAW, (double) tier.bucketSize(), tier.refillPerMinute() / 60.0, (double) unspent, bank,
                    leaseOf(tier), bank);
            RoundTrip.Rows rows = draw.run(connection).rows(drawn);
            return rows.isEmpty() ? 0 : ((Number) rows.single()[0]).intValue();
        } catch (SQLException e) {
            if (GAVE_UP.contains(e.getSQLState())) {
                throw new DrawGaveUp(e);
            }
            throw new IllegalStateException("opening rate bucket", e);
        }
    }
}
