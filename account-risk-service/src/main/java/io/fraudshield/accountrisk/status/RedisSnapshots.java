package io.fraudshield.accountrisk.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fraudshield.accountrisk.BlockingCalls;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared second tier: snapshots in Redis, read for a whole batch in one MGET and written in one script
 * call. Redis is never trusted for truth (every snapshot is checked against the change feed) and never
 * waited for: after a failure it is skipped for {@code redis-retry-after}, then tried again.
 */
@ApplicationScoped
public class RedisSnapshots {

    private static final Logger LOG = Logger.getLogger(RedisSnapshots.class);
    private static final String PREFIX = "ar:snap:";
    private static final String SET_ALL = "local ttl = ARGV[#ARGV] for i = 1, #KEYS do"
            + " redis.call('SET', KEYS[i], ARGV[i], 'EX', ttl) end return #KEYS";

    private final RedisDataSource redis;
    private final ObjectMapper json;
    private final StatusQueryConfig config;
    private volatile long skipUntil;

    public RedisSnapshots(RedisDataSource redis, ObjectMapper json, StatusQueryConfig config) {
        this.redis = redis;
        this.json = json;
        this.config = config;
    }

    public boolean available() {
        return System.currentTimeMillis() >= skipUntil;
    }

    public Map<String, Snapshot> get(Collection<String> refs) {
        Map<String, Snapshot> found = new HashMap<>();
        BlockingCalls.refuseOnEventLoop("a snapshot read from Redis");
        if (refs.isEmpty() || !available()) {
            return found;
        }
        try {
            List<String> args = new ArrayList<>();
            refs.forEach(ref -> args.add(PREFIX + ref));
            Response values = redis.execute("MGET", args.toArray(String[]::new));
            int i = 0;
            for (String ref : refs) {
                Response value = values.get(i++);
                if (value != null) {
                    found.put(ref, json.readValue(value.toString(), Snapshot.class));
                }
            }
        } catch (RuntimeException | JsonProcessingException e) {
            failed(e);
        }
        return found;
    }

    public void put(Map<String, Snapshot> snapshots) {
        BlockingCalls.refuseOnEventLoop("a snapshot write to Redis");
        if (snapshots.isEmpty() || !available()) {
            return;
        }
        try {
            List<String> args = new ArrayList<>();
            args.add(SET_ALL);
            args.add(Integer.toString(snapshots.size()));
            snapshots.keySet().forEach(ref -> args.add(PREFIX + ref));
            for (Snapshot snapshot : snapshots.values()) {
                args.add(json.writeValueAsString(snapshot));
            }
            args.add(Long.toString(config.redisTtl().toSeconds()));
            redis.execute("EVAL", args.toArray(String[]::new));
        } catch (RuntimeException | JsonProcessingException e) {
            failed(e);
        }
    }

    private void failed(Exception e) {
        skipUntil = System.currentTimeMillis() + config.redisRetryAfter().toMillis();
        LOG.warnf("Redis unavailable (%s): answering from PostgreSQL for %s", e.getClass().getSimpleName(),
                config.redisRetryAfter());
    }
}
