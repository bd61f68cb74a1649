package io.fraudshield.accountrisk.antiscan;

import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.metrics.BusinessMetrics;
import io.fraudshield.common.problem.ProblemException;
import io.fraudshield.common.problem.ProblemType;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets in Redis, refilled and charged by one Lua script on Redis's own clock, so every replica
 * shares one bucket per participant atomically. A batch is charged after it is answered (hits at hit cost,
 * misses at miss cost) and may leave the bucket in debt; a request arriving at an empty or indebted bucket is
 * refused with 429 and Retry-After. While Redis is down each replica keeps the same buckets in memory.
 */
@ApplicationScoped
public class TokenBuckets {

    private static final Logger LOG = Logger.getLogger(TokenBuckets.class);
    private static final String PREFIX = "ar:bucket:";
    /** KEYS[1] bucket; ARGV capacity, refill per ms, cost, charge (1) or peek (0). Returns allowed, tokens, ms to wait. */
    private static final String TAKE = """
            local cap = tonumber(ARGV[1]) local rate = tonumber(ARGV[2]) local cost = tonumber(ARGV[3])
            local t = redis.call('TIME') local now = t[1] * 1000 + math.floor(t[2] / 1000)
            local b = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local tokens = tonumber(b[1]) local at = tonumber(b[2])
            if tokens == nil then tokens = cap at = now end
            tokens = math.min(cap, tokens + (now - at) * rate)
            local allowed = 0
            if tokens > 0 then allowed = 1 if ARGV[4] == '1' then tokens = tokens - cost end end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
            redis.call('PEXPIRE', KEYS[1], math.ceil(cap / rate) + 60000)
            local wait = 0
            if tokens <= 0 then wait = math.ceil((1 - tokens) / rate) end
            return {allowed, tostring(math.floor(tokens)), wait}""";

    private final RedisDataSource redis;
    private final AntiScanConfig config;
    private final Map<String, LocalBucket> fallback = new ConcurrentHashMap<>();
    @Inject
    BusinessMetrics metrics;

    public TokenBuckets(RedisDataSource redis, AntiScanConfig config) {
        this.redis = redis;
        this.config = config;
    }

    /** Refuses with 429 when the caller's bucket is empty; otherwise charges {@code cost}. */
    public void charge(Caller caller, long cost) {
        if (exempt(caller)) {
            return;
        }
        Outcome outcome = run(caller, cost, true);
        if (!outcome.allowed()) {
            metrics.quotaRejection("anti-scan");
            long seconds = Math.max(1, (outcome.waitMillis() + 999) / 1000);
            throw new ProblemException(ProblemType.TOO_MANY_REQUESTS, "Your participant's look-up quota is used up;"
                    + " retry after " + seconds + " s. Look-ups that find nothing cost " + config.missCost() + " tokens.",
                    List.of(), Map.of("Retry-After", Long.toString(seconds)));
        }
    }

    public Quota quota(Caller caller) {
        if (exempt(caller)) {
            return new Quota(false, null, 0, 0, 0, config.hitCost(), config.missCost());
        }
        String tierName = tierOf(caller);
        AntiScanConfig.Tier tier = tier(tierName);
        Outcome outcome = run(caller, 0, false);
        return new Quota(true, tierName, tier.capacity(), tier.refillPerMinute(), outcome.tokens(), config.hitCost(),
                config.missCost());
    }

    public long cost(int hits, int misses) {
        return (long) hits * config.hitCost() + (long) misses * config.missCost();
    }

    private boolean exempt(Caller caller) {
        return config.exemptRoles().contains(caller.role().group());
    }

    private Outcome run(Caller caller, long cost, boolean charge) {
        AntiScanConfig.Tier tier = tier(tierOf(caller));
        double perMilli = tier.refillPerMinute() / 60_000.0;
        String key = PREFIX + caller.participant().value();
        try {
            Response result = redis.execute("EVAL", TAKE, "1", key, Long.toString(tier.capacity()),
                    Double.toString(perMilli), Long.toString(cost), charge ? "1" : "0");
            return new Outcome(result.get(0).toInteger() == 1, Long.parseLong(result.get(1).toString()),
                    result.get(2).toLong());
        } catch (RuntimeException e) {
            LOG.warnf("Redis unavailable for token buckets (%s): using this replica's buckets", e.getClass().getSimpleName());
            return fallback.computeIfAbsent(key, k -> new LocalBucket(tier.capacity(), perMilli)).take(cost, charge);
        }
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

    record Outcome(boolean allowed, long tokens, long waitMillis) {
    }

    /** The same bucket in memory, for while Redis is down. */
    static final class LocalBucket {
        private final double capacity;
        private final double perMilli;
        private double tokens;
        private long at = System.currentTimeMillis();

        LocalBucket(long capacity, double perMilli) {
            this.capacity = capacity;
            this.perMilli = perMilli;
            this.tokens = capacity;
        }

        synchronized Outcome take(long cost, boolean charge) {
            long now = System.currentTimeMillis();
            tokens = Math.min(capacity, tokens + (now - at) * perMilli);
            at = now;
            boolean allowed = tokens > 0;
            if (allowed && charge) {
                tokens -= cost;
            }
            long wait = tokens <= 0 ? (long) Math.ceil((1 - tokens) / perMilli) : 0;
            return new Outcome(allowed, (long) Math.floor(tokens), wait);
        }
    }
}
