package io.fraudshield.accountrisk.antiscan;

import io.fraudshield.accountrisk.BlockingCalls;
import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.metrics.BusinessMetrics;
import io.fraudshield.common.problem.ProblemException;
import io.fraudshield.common.problem.ProblemType;
import io.quarkus.redis.datasource.RedisDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.mutiny.redis.client.Response;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets in Redis, refilled and charged by one Lua script on Redis's own clock, so every replica
 * shares one bucket per participant atomically. A batch is charged after it is answered (hits at hit cost,
 * misses at miss cost) and may leave the bucket in debt; a request arriving at an empty or indebted bucket is
 * refused with 429 and Retry-After. While Redis is down each replica keeps the same buckets in memory, each
 * starting where Redis last left it at most a lease lifetime ago, or empty (and after a failed call, for a lease's
 * lifetime, does not ask Redis again about that participant); when Redis answers again, what the bucket in memory
 * charged is charged to Redis.
 * <p>
 * Each replica leases a few tokens at a time ({@link Lease}) and charges small requests from its lease, so
 * most queries make no Redis call. Redis keeps every replica's lease in the bucket's hash until the replica
 * settles it (gives back what it did not spend) or drops it a minute after it expired; the refill stops at the
 * capacity minus the leases held, so tokens in the bucket plus tokens leased never exceed the capacity, and all replicas together
 * never spend more than the capacity plus the refill. A lease stops being spent before Redis expires it; its
 * last request may cost more than it holds, and the rest is charged to Redis (into debt, as a batch may be).
 */
@ApplicationScoped
public class TokenBuckets {

    private static final Logger LOG = Logger.getLogger(TokenBuckets.class);
    private static final String PREFIX = "ar:bucket:";
    /** A lease is at most this share of the tier's capacity. */
    private static final int LEASE_SHARE = 50;
    /**
     * KEYS[1] bucket; ARGV capacity, refill per ms, cost, mode (1 charge, 0 peek, 2 charge even an empty bucket: the
     * part of a request its lease did not cover), replica, unspent tokens of the replica's lease to settle (-1: leave
     * its lease alone), tokens to lease, lease lifetime in ms. Returns allowed, tokens, ms to wait, tokens leased.
     * A replica's own lease is settled even after it expired (the replica stopped spending it before then and
     * reports what is left); a lease counts as held until it is settled or, a minute after it expired, dropped with
     * its tokens spent — so the bucket plus every lease that could still be given back never exceeds the capacity.
     */
    private static final String TAKE = """
            local cap = tonumber(ARGV[1]) local rate = tonumber(ARGV[2]) local cost = tonumber(ARGV[3])
            local own = 'lease:' .. ARGV[5] local unspent = tonumber(ARGV[6]) local want = tonumber(ARGV[7])
            local ttl = tonumber(ARGV[8])
            local t = redis.call('TIME') local now = t[1] * 1000 + math.floor(t[2] / 1000)
            local h = redis.call('HGETALL', KEYS[1])
            local tokens = nil local at = nil local held = 0 local settled = 0
            for i = 1, #h, 2 do
              local f = h[i] local v = h[i + 1]
              if f == 'tokens' then tokens = tonumber(v)
              elseif f == 'at' then at = tonumber(v)
              elseif string.sub(f, 1, 6) == 'lease:' then
                local sep = string.find(v, ':', 1, true)
                local amount = tonumber(string.sub(v, 1, sep - 1)) local expires = tonumber(string.sub(v, sep + 1))
                if f == own and unspent >= 0 then settled = math.min(unspent, amount) redis.call('HDEL', KEYS[1], f)
                elseif expires + 60000 <= now then redis.call('HDEL', KEYS[1], f)
                else held = held + amount end
              end
            end
            if tokens == nil then tokens = cap - held at = now end
            tokens = math.min(cap - held, tokens + settled + (now - at) * rate)
            local allowed = 0 local leased = 0
            if ARGV[4] == '2' then
              allowed = 1 tokens = tokens - cost
            elseif tokens > 0 then
              allowed = 1
              if ARGV[4] == '1' then
                tokens = tokens - cost
                if want > 0 and tokens >= 1 then leased = math.min(want, math.floor(tokens)) tokens = tokens - leased end
              end
            end
            if leased > 0 then redis.call('HSET', KEYS[1], own, tostring(leased) .. ':' .. tostring(now + ttl)) end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
            redis.call('PEXPIRE', KEYS[1], math.ceil((cap - math.min(tokens, 0)) / rate) + 60000 + ttl)
            local wait = 0
            if tokens <= 0 then wait = math.ceil((1 - tokens) / rate) end
            return {allowed, tostring(math.floor(tokens)), wait, leased}""";

    private final RedisDataSource redis;
    private final AntiScanConfig config;
    private final String replica = UUID.randomUUID().toString();
    private final Map<String, LocalBucket> fallback = new ConcurrentHashMap<>();
    /** Each participant's tokens as Redis last reported them, and when: where its bucket in memory starts in an outage. */
    private final Map<String, Level> lastKnown = new ConcurrentHashMap<>();
    private final Map<String, Lease> leases = new ConcurrentHashMap<>();
    private final Counter scripts;
    private final Map<String, Long> redisRetryAt = new ConcurrentHashMap<>();
    @Inject
    BusinessMetrics metrics;

    public TokenBuckets(RedisDataSource redis, AntiScanConfig config, MeterRegistry registry) {
        this.redis = redis;
        this.config = config;
        this.scripts = Counter.builder("accountrisk.antiscan.bucket.scripts")
                .description("Token-bucket script calls to Redis (charges that a replica's lease did not cover, and quota reads)")
                .register(registry);
    }

    /** A bucket that never refills or a lease that never lives would break the script's arithmetic: refuse to start. */
    void checkAtStartUp(@Observes StartupEvent event) {
        check(config);
    }

    static void check(AntiScanConfig config) {
        config.tiers().forEach((name, tier) -> {
            if (tier.capacity() <= 0 || tier.refillPerMinute() <= 0) {
                throw new IllegalStateException("accountrisk.antiscan.tiers." + name + ": capacity and refill-per-minute must be positive");
            }
        });
        if (config.leaseTtl().isNegative() || config.leaseTtl().isZero() || config.leaseTokens() < 0) {
            throw new IllegalStateException("accountrisk.antiscan.lease-ttl must be positive and lease-tokens not negative");
        }
        Set<String> named = new HashSet<>(config.participants().values());
        named.add(config.defaultTier());
        for (String tier : named) {
            if (!config.tiers().containsKey(tier)) {
                throw new IllegalStateException("accountrisk.antiscan.tiers has no tier " + tier);
            }
        }
    }

    /** Refuses with 429 when the caller's bucket is empty; otherwise charges {@code cost}. */
    public void charge(Caller caller, long cost) {
        if (exempt(caller)) {
            return;
        }
        Outcome outcome = take(caller, cost);
        if (!outcome.allowed()) {
            metrics.quotaRejection("anti-scan");
            long seconds = Math.max(1, (outcome.waitMillis() + 999) / 1000);
            throw ProblemException.retryAfter(ProblemType.TOO_MANY_REQUESTS, "Your participant's look-up quota is used up;"
                    + " retry after " + seconds + " s. Look-ups that find nothing cost " + config.missCost() + " tokens.",
                    seconds);
        }
    }

    /**
     * Admits a request from this replica's live lease, as {@link #charge} would, when that needs no Redis call: any
     * token left admits it whatever it costs, so a hit and a miss are admitted or sent on alike. Never blocks, so it
     * may run on the event loop; the decision is final here, whatever happens to the lease before a worker runs.
     * @return -1 when the lease is empty or ended (nothing was spent: {@link #charge} decides on a worker thread,
     *         whatever the cost); otherwise the request is admitted and the result is the part of the cost the lease
     *         did not cover, owed to Redis through {@link #chargeOwed} on a worker thread
     */
    public long admitWithoutRedis(Caller caller, long cost) {
        return exempt(caller) ? 0 : lease(caller).admit(cost, System.nanoTime());
    }

    /** Charges Redis what an admitted request's lease did not cover, into debt if need be: it never refuses. Blocks. */
    public void chargeOwed(Caller caller, long owed) {
        if (owed > 0 && !exempt(caller)) {
            run(caller, owed, Mode.CHARGE_INTO_DEBT, -1, 0);
        }
    }

    /** The caller's bucket as Redis holds it once this replica's lease is given back; other replicas' leases are not in it. */
    public Quota quota(Caller caller) {
        if (exempt(caller)) {
            return new Quota(false, null, 0, 0, 0, config.hitCost(), config.missCost());
        }
        String tierName = tierOf(caller);
        AntiScanConfig.Tier tier = tier(tierName);
        Lease lease = lease(caller);
        Outcome outcome;
        synchronized (lease.renewal) {
            long unspent = lease.takeUnspent();
            // nothing to give back: leave the lease to Redis's count (its tokens are spent) and read
            outcome = unspent > 0 ? run(caller, 0, Mode.PEEK, unspent, 0) : null;
        }
        if (outcome == null) {
            outcome = run(caller, 0, Mode.PEEK, -1, 0);
        }
        return new Quota(true, tierName, tier.capacity(), tier.refillPerMinute(), outcome.tokens(), config.hitCost(),
                config.missCost());
    }

    public long cost(int hits, int misses) {
        return (long) hits * config.hitCost() + (long) misses * config.missCost();
    }

    /** Whether {@code caller}'s role is never metered (police, regulator, the services' own tokens). */
    public boolean exempt(Caller caller) {
        return config.exemptRoles().contains(caller.role().group());
    }

    private Outcome take(Caller caller, long cost) {
        long chunk = leaseSize(tier(tierOf(caller)));
        // every cost asks the lease first: were a large request sent to Redis past a live lease, admission would depend
        // on the cost, and a refused miss would tell a hit from a miss for free
        Lease lease = lease(caller);
        long shortfall = lease.admit(cost, System.nanoTime());
        if (shortfall >= 0) {
            return fromLease(caller, shortfall);
        }
        synchronized (lease.renewal) {
            long asked = System.nanoTime();
            shortfall = lease.admit(cost, asked);
            if (shortfall >= 0) {
                return fromLease(caller, shortfall); // renewed by another request meanwhile
            }
            Outcome outcome = run(caller, cost, Mode.CHARGE, lease.takeUnspent(), chunk);
            if (outcome.leased() > 0) {
                // counted from before the call, and a tenth short: it ends here before Redis expires it
                lease.renew(outcome.leased(), asked + config.leaseTtl().toNanos() / 10 * 9);
            }
            return outcome;
        }
    }

    /**
     * A lease with any token left admits a request whatever it costs, as the bucket in Redis does, so that a hit
     * (1 token) and a miss (3) are never told apart by the answer; what the lease could not cover is charged to
     * Redis, into debt if need be.
     */
    private Outcome fromLease(Caller caller, long shortfall) {
        chargeOwed(caller, shortfall);
        return Outcome.FROM_LEASE;
    }

    private long leaseSize(AntiScanConfig.Tier tier) {
        return Math.min(config.leaseTokens(), tier.capacity() / LEASE_SHARE);
    }

    private Lease lease(Caller caller) {
        return leases.computeIfAbsent(caller.participant().value(), participant -> new Lease());
    }

    private Outcome run(Caller caller, long cost, Mode mode, long unspent, long leaseTokens) {
        BlockingCalls.refuseOnEventLoop("a token-bucket script call to Redis");
        AntiScanConfig.Tier tier = tier(tierOf(caller));
        double perMilli = tier.refillPerMinute() / 60_000.0;
        String key = PREFIX + caller.participant().value();
        Long retryAt = redisRetryAt.get(key);
        if (retryAt != null && System.nanoTime() - retryAt < 0) {
            return fallback(key, tier, perMilli).take(cost, mode);
        }
        try {
            LocalBucket outage = fallback.remove(key);
            if (outage != null) {
                repay(key, tier, perMilli, outage); // first: a lease granted before it would hand out the same tokens
            }
            Outcome outcome = script(key, tier, perMilli, cost, mode, unspent, leaseTokens);
            lastKnown.put(key, new Level(outcome.tokens(), System.currentTimeMillis()));
            return outcome;
        } catch (RuntimeException e) {
            if (!answeredByRedis(e)) {
                // Redis unreachable or slow: this participant's bucket stays in memory for a lease's lifetime, not
                // one failed or timed-out call per query, each waiting on the renewal lock
                redisRetryAt.put(key, System.nanoTime() + config.leaseTtl().toNanos());
            }
            LOG.warnf("Redis unavailable for token buckets (%s): using this replica's buckets", e.getClass().getSimpleName());
            return fallback(key, tier, perMilli).take(cost, mode);
        }
    }

    private Outcome script(String key, AntiScanConfig.Tier tier, double perMilli, long cost, Mode mode, long unspent,
                           long leaseTokens) {
        Response result = redis.execute("EVAL", TAKE, "1", key, Long.toString(tier.capacity()),
                Double.toString(perMilli), Long.toString(cost), mode.argument, replica, Long.toString(unspent),
                Long.toString(leaseTokens), Long.toString(config.leaseTtl().toMillis()));
        scripts.increment();
        return new Outcome(result.get(0).toInteger() == 1, Long.parseLong(result.get(1).toString()),
                result.get(2).toLong(), result.get(3).toLong());
    }

    /**
     * Redis answers again after an outage: what this replica's memory bucket gave out meanwhile is charged to the shared
     * bucket (into debt if need be) before anything else, so neither a lease nor the next outage hands the same tokens
     * out again; what a request that took the bucket just before it was removed spent during the repayment is charged
     * after it. Should Redis fail here, what is unpaid goes back to memory (into the bucket another thread may have
     * started meanwhile, never lost beside it), and the failure is thrown.
     */
    private void repay(String key, AntiScanConfig.Tier tier, double perMilli, LocalBucket outage) {
        long spent = outage.takeSpent();
        while (spent > 0) {
            try {
                script(key, tier, perMilli, spent, Mode.CHARGE_INTO_DEBT, -1, 0);
            } catch (RuntimeException e) {
                outage.owe(spent);
                fallback.merge(key, outage, (current, unpaid) -> {
                    current.owe(unpaid.takeSpent());
                    return current;
                });
                throw e;
            }
            spent = outage.takeSpent();
        }
    }

    /** An error reply (a failing script, say) is not an outage: it does not switch the participant to memory. */
    private static boolean answeredByRedis(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof io.vertx.redis.client.Response) {
                return true;
            }
        }
        return false;
    }

    /**
     * The participant's bucket in memory, starting where Redis last left it when that was at most a lease lifetime
     * ago (refilled since, as Redis would have), or empty from now: a level heard of long ago may since have been
     * spent through other replicas.
     */
    private LocalBucket fallback(String key, AntiScanConfig.Tier tier, double perMilli) {
        return fallback.computeIfAbsent(key, k -> {
            Level known = lastKnown.get(k);
            long now = System.currentTimeMillis();
            return known != null && now - known.at() <= config.leaseTtl().toMillis()
                    ? new LocalBucket(tier.capacity(), perMilli, known.tokens(), known.at())
                    : new LocalBucket(tier.capacity(), perMilli, 0, now);
        });
    }

    /** A participant's tokens as Redis reported them at {@code at} (epoch ms). */
    private record Level(long tokens, long at) {
    }

    private String tierOf(Caller caller) {
        return config.participants().getOrDefault(caller.participant().value(), config.defaultTier());
    }

    private AntiScanConfig.Tier tier(String name) {
        AntiScanConfig.Tier tier = config.tiers().get(name);
        if (tier == null) {
            throw new IllegalStateException("accountrisk.antiscan.tiers has no tier " + name);
        }
        return tier;
    }

    enum Mode {
        PEEK("0"), CHARGE("1"), CHARGE_INTO_DEBT("2");

        final String argument;

        Mode(String argument) {
            this.argument = argument;
        }
    }

    record Outcome(boolean allowed, long tokens, long waitMillis, long leased) {
        static final Outcome FROM_LEASE = new Outcome(true, 0, 0, 0);
    }

    /**
     * The same bucket in memory, for while Redis is down. It starts where Redis last left the participant's bucket on
     * this replica, or empty when this replica never heard or heard long ago: were it to start full, whoever could cut
     * Redis off would get a fresh bucket per replica. It counts what it charged, to be charged to Redis once it is back.
     */
    static final class LocalBucket {
        private final double capacity;
        private final double perMilli;
        private double tokens;
        private long at;
        private long spent;

        LocalBucket(long capacity, double perMilli, long tokens, long at) {
            this.capacity = capacity;
            this.perMilli = perMilli;
            this.tokens = Math.min(capacity, tokens);
            this.at = at;
        }

        /** What this bucket charged since the last call, which it forgets. */
        synchronized long takeSpent() {
            long taken = spent;
            spent = 0;
            return taken;
        }

        /** Charged back after a failed repayment, to repay with the rest later. */
        synchronized void owe(long amount) {
            spent += amount;
        }

        synchronized Outcome take(long cost, Mode mode) {
            long now = System.currentTimeMillis();
            tokens = Math.min(capacity, tokens + (now - at) * perMilli);
            at = now;
            boolean allowed = tokens > 0 || mode == Mode.CHARGE_INTO_DEBT;
            if (allowed && mode != Mode.PEEK) {
                tokens -= cost;
                spent += cost;
            }
            long wait = tokens <= 0 ? (long) Math.ceil((1 - tokens) / perMilli) : 0;
            return new Outcome(allowed, (long) Math.floor(tokens), wait, 0);
        }
    }
}
