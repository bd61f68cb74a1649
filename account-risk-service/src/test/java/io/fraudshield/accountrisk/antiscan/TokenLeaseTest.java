package io.fraudshield.accountrisk.antiscan;

import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.caller.Role;
import io.fraudshield.common.identifier.ParticipantCode;
import io.fraudshield.common.metrics.BusinessMetrics;
import io.fraudshield.common.problem.ProblemException;
import io.fraudshield.localstack.LocalRedis;
import io.fraudshield.localstack.TestStores;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replicas lease tokens from the shared bucket in chunks. Each test makes its own replicas ({@link TokenBuckets}
 * objects sharing the real Redis, each with its own replica id) and a participant of its own in the default
 * tier D: 4,000 tokens, 500 a minute, leases of 60 tokens for 1 s.
 */
@QuarkusTest
class TokenLeaseTest {

    static final long CAPACITY = 4000;
    static final double REFILL_PER_MS = 500 / 60_000.0;
    static final long LEASE = 60;

    @Inject
    RedisDataSource redis;
    @Inject
    AntiScanConfig config;
    @Inject
    BusinessMetrics metrics;

    @Test
    void concurrentSpendersOnTwoReplicasNeverSpendMoreThanTheBucketGivesAndRarelyAskRedis() throws Exception {
        Caller platform = freshPlatform();
        MeterRegistry registryA = new SimpleMeterRegistry();
        MeterRegistry registryB = new SimpleMeterRegistry();
        List<TokenBuckets> replicas = List.of(replica(registryA), replica(registryB));
        AtomicLong spent = new AtomicLong();
        AtomicLong charges = new AtomicLong();
        ExecutorService spenders = Executors.newFixedThreadPool(16);
        long started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            TokenBuckets replica = replicas.get(i % 2);
            running.add(spenders.submit(() -> {
                while (true) {
                    int pick = ThreadLocalRandom.current().nextInt(100);
                    long cost = pick < 2 ? 100 : pick < 50 ? 1 : 3; // a batch now and then: more than a lease holds
                    try {
                        replica.charge(platform, cost);
                    } catch (ProblemException refused) {
                        return null;
                    }
                    spent.addAndGet(cost);
                    charges.incrementAndGet();
                }
            }));
        }
        for (Future<?> spender : running) {
            spender.get();
        }
        spenders.shutdown();
        double elapsedMs = (System.nanoTime() - started) / 1e6;
        long refill = (long) Math.ceil(elapsedMs * REFILL_PER_MS);
        // the last request each lease admits, and the last one Redis admits, may go into debt by its cost less one (the
        // debt is owed: the bucket stays shut until the refill repays it); nothing more
        assertTrue(spent.get() <= CAPACITY + refill + 99 * (replicas.size() + 1), "spent " + spent + " of " + CAPACITY
                + " + " + refill + " refilled");
        assertTrue(spent.get() >= CAPACITY - 2 * LEASE, "a lease withholds at most a chunk per replica: spent " + spent);
        double scripts = scripts(registryA) + scripts(registryB);
        // without leases every charge is a Redis call; with them about 1 in 12 is (one per lease of 60 tokens at ~4 a
        // charge, plus each batch of 100): 1 in 5 leaves room for a busy machine's timing without hiding a regression
        assertTrue(scripts * 5 < charges.get(), scripts + " Redis calls for " + charges + " charges");
    }

    @Test
    void aLeaseCountsAgainstTheBucketUntilSettledAndTheQuotaOfTheReplicaAskedIsExact() {
        Caller platform = freshPlatform();
        MeterRegistry registryA = new SimpleMeterRegistry();
        TokenBuckets a = replica(registryA);
        TokenBuckets b = replica(new SimpleMeterRegistry());
        a.charge(platform, 1);
        for (int i = 0; i < 5; i++) {
            a.charge(platform, 1);
            a.charge(platform, 3);
        }
        assertEquals(1.0, scripts(registryA), "one call charged the first request and leased 60 tokens; 20 more were spent from them");
        long seenByB = b.quota(platform).remaining();
        assertTrue(seenByB >= CAPACITY - 21 - 40 && seenByB <= CAPACITY - 21 - 40 + 1,
                "the 40 tokens a still holds are not b's to count: " + seenByB);
        long seenByA = a.quota(platform).remaining();
        assertTrue(seenByA >= CAPACITY - 21 && seenByA <= CAPACITY - 21 + 1, "a gives back what it did not spend: " + seenByA);
        a.charge(platform, 3);
        assertEquals(3.0, scripts(registryA), "the quota settled a's lease, so this charge asked Redis for a new one");
    }

    @Test
    void aLeaseEndsHereBeforeRedisForgetsItAndALostReplicaHoldsTokensForOneLifetimeOnly() throws Exception {
        Caller platform = freshPlatform();
        MeterRegistry registryA = new SimpleMeterRegistry();
        TokenBuckets a = replica(registryA);
        a.charge(platform, 1);
        a.charge(platform, 1);
        assertEquals(1.0, scripts(registryA));
        assertTrue(hasLease(platform), "Redis holds a's lease");
        Thread.sleep(config.leaseTtl().toMillis() + 100);
        a.charge(platform, 1);
        assertEquals(2.0, scripts(registryA), "an ended lease is not spent: Redis no longer counts it as held");

        Caller other = freshPlatform();
        TokenBuckets lost = replica(new SimpleMeterRegistry());
        lost.charge(other, 1); // 3,999 left, 60 of them leased; the replica is never heard of again
        TokenBuckets b = replica(new SimpleMeterRegistry());
        long whileHeld = b.quota(other).remaining();
        assertTrue(whileHeld <= CAPACITY - 60, "the bucket refills only up to the capacity less the lease: " + whileHeld);
        Thread.sleep(config.leaseTtl().toMillis() + 500);
        long afterLifetime = b.quota(other).remaining();
        assertTrue(afterLifetime <= CAPACITY - 60, "an expired lease its replica could still give back keeps counting: "
                + afterLifetime);
        String field = redis.hash(String.class).hgetall(bucket(other)).keySet().stream()
                .filter(name -> name.startsWith("lease:")).findFirst().orElseThrow();
        long now = Long.parseLong(redis.execute("TIME").get(0).toString()) * 1000;
        redis.hash(String.class).hset(bucket(other), field, "60:" + (now - 61_000)); // as if it expired a minute ago
        redis.hash(String.class).hset(bucket(other), "at", Long.toString(now - 600_000)); // and the bucket refilled since
        long afterDrop = b.quota(other).remaining();
        assertTrue(afterDrop > CAPACITY - 60, "a minute after it expired the lease is dropped (its tokens stay spent): "
                + afterDrop);
    }

    @Test
    void leasesSettledLateNeverLiftTheBucketAboveItsCapacity() throws Exception {
        Caller platform = freshPlatform();
        List<TokenBuckets> replicas = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            TokenBuckets replica = replica(new SimpleMeterRegistry());
            replica.charge(platform, 1); // each leases 60 and keeps 59
            replicas.add(replica);
        }
        Thread.sleep(config.leaseTtl().toMillis() + 200); // every lease ended; the refill must still leave room for them
        long now = Long.parseLong(redis.execute("TIME").get(0).toString()) * 1000;
        redis.hash(String.class).hset(bucket(platform), "at", Long.toString(now - 600_000)); // ten minutes of refill
        TokenBuckets reader = replica(new SimpleMeterRegistry());
        long before = reader.quota(platform).remaining();
        for (TokenBuckets replica : replicas) {
            replica.charge(platform, 1); // settles its 59 unspent and leases again
        }
        long after = reader.quota(platform).remaining();
        assertTrue(before + 5 * 59 <= CAPACITY, "the bucket kept room for the leases that could come back: " + before);
        assertTrue(after <= CAPACITY, "the bucket after the late settles stays within the capacity: " + after);
    }

    @Test
    void aLargeRequestIsAdmittedByALiveLeaseLikeASmallOne() {
        Caller platform = freshPlatform();
        TokenBuckets a = replica(new SimpleMeterRegistry());
        TokenBuckets b = replica(new SimpleMeterRegistry());
        a.charge(platform, 1); // leases 60
        for (int i = 0; i < 58; i++) {
            a.charge(platform, 1); // 1 left
        }
        b.charge(platform, 4000); // the bucket in Redis is now in debt
        a.charge(platform, LEASE + 1); // costs more than a lease: admitted by the live lease like a hit, the rest is debt
        assertThrows(ProblemException.class, () -> a.charge(platform, 1), "the lease is spent and the bucket in debt");
    }

    @Test
    void withRedisStoppedEachReplicaStillLimitsFromItsOwnBucketAndUsesRedisAgainWhenItReturns() throws Exception {
        Caller platform = freshPlatform();
        MeterRegistry registryA = new SimpleMeterRegistry();
        TokenBuckets a = replica(registryA);
        a.charge(platform, 3);
        String chargedAt = redis.hash(String.class).hget(bucket(platform), "at");
        LocalRedis server = TestStores.get().redis();
        server.stop();
        try {
            long answered = answeredUntilRefused(a, platform, 3);
            assertTrue(answered >= CAPACITY / 3 && answered <= CAPACITY / 3 + 20 + 2,
                    "what was left of the lease, then this replica's own bucket from where Redis last left it (3,937): " + answered);
            assertThrows(ProblemException.class, () -> a.charge(platform, 3));
        } finally {
            server.start();
        }
        double before = scripts(registryA);
        long deadline = System.currentTimeMillis() + 10_000;
        long remaining = -1;
        while (scripts(registryA) == before && System.currentTimeMillis() < deadline) {
            remaining = a.quota(platform).remaining();
            Thread.sleep(100);
        }
        assertEquals(before + 2, scripts(registryA), "Redis is asked again once it is back: what the outage spent, then the quota");
        assertTrue(remaining < 200, "the ~3,940 tokens spent in memory were charged to Redis, restarted empty: " + remaining);
        assertNotEquals(chargedAt, redis.hash(String.class).hget(bucket(platform), "at"));
    }

    @Test
    void inAnOutageAReplicasBucketStartsWhereRedisLastLeftItOrEmptyNeverFull() throws Exception {
        Caller drained = freshPlatform();
        Caller unseen = freshPlatform();
        TokenBuckets a = replica(new SimpleMeterRegistry());
        TokenBuckets b = replica(new SimpleMeterRegistry());
        a.charge(drained, CAPACITY - LEASE); // Redis: what is left goes to a's lease, 0 tokens in the bucket
        LocalRedis server = TestStores.get().redis();
        server.stop();
        try {
            long answered = answeredUntilRefused(a, drained, 3);
            assertTrue(answered >= LEASE / 3 && answered <= LEASE / 3 + 3,
                    "the lease, then a bucket as empty as Redis last reported it, not a fresh one: " + answered);
            ProblemException refused = assertThrows(ProblemException.class, () -> b.charge(unseen, 1),
                    "a replica that never heard of the participant starts with nothing to give");
            assertEquals(429, refused.type().status());
        } finally {
            server.start();
        }
    }

    @Test
    void whatAnOutageSpentInMemoryIsChargedToRedisOnceItIsBackSoTheNextOutageStartsNoFuller() throws Exception {
        Caller platform = freshPlatform();
        AntiScanConfig config = leasesOf(Duration.ofSeconds(3)); // a lifetime a stop of Redis fits in on a busy machine
        TokenBuckets a = new TokenBuckets(redis, config, new SimpleMeterRegistry());
        a.metrics = metrics;
        long started = System.nanoTime();
        long spent = CAPACITY - 100 - LEASE;
        a.charge(platform, spent); // Redis: 100 tokens left in the bucket, 60 in a's lease
        long firstOutage = outage(a, platform);
        spent += firstOutage;
        assertTrue(firstOutage >= LEASE + 90, "the lease, then a bucket in memory from Redis' 100: " + firstOutage);
        Thread.sleep(config.leaseTtl().toMillis() + 100); // a asks Redis about the participant again
        a.charge(platform, 1); // Redis answers: the 100-odd tokens spent in memory are charged to it now
        spent += 1;
        spent += outage(a, platform);
        long refill = (long) Math.ceil((System.nanoTime() - started) / 1e6 * REFILL_PER_MS);
        // a flap of Redis without the repayment hands out the first outage's tokens again (some 100 more)
        assertTrue(spent <= CAPACITY + refill + 2 * 2, "spent " + spent + " of " + CAPACITY + " + " + refill + " refilled");
    }

    /** Redis down (its data kept, as an append-only file keeps it): {@code a} charges misses until refused. @return tokens spent */
    private long outage(TokenBuckets a, Caller platform) throws Exception {
        Map<String, String> kept = redis.hash(String.class).hgetall(bucket(platform));
        LocalRedis server = TestStores.get().redis();
        server.stop();
        long spent = 0;
        try {
            for (int i = 0; i < 10_000; i++) {
                a.charge(platform, 3);
                spent += 3;
            }
            throw new AssertionError("never refused");
        } catch (ProblemException refused) {
            assertEquals(429, refused.type().status());
        } finally {
            server.start();
        }
        redis.hash(String.class).hset(bucket(platform), kept);
        return spent;
    }

    /** This test's config with leases that live {@code ttl}. */
    private AntiScanConfig leasesOf(Duration ttl) {
        return new AntiScanConfig() {
            public Map<String, Tier> tiers() { return config.tiers(); }
            public Map<String, String> participants() { return config.participants(); }
            public String defaultTier() { return config.defaultTier(); }
            public int hitCost() { return config.hitCost(); }
            public int missCost() { return config.missCost(); }
            public Set<String> exemptRoles() { return config.exemptRoles(); }
            public int leaseTokens() { return config.leaseTokens(); }
            public Duration leaseTtl() { return ttl; }
        };
    }

    @Test
    void sparseTrafficOverManyReplicasGivesBackWhatItsLeasesDidNotSpend() throws Exception {
        Caller platform = freshPlatform();
        List<TokenBuckets> replicas = List.of(replica(new SimpleMeterRegistry()), replica(new SimpleMeterRegistry()),
                replica(new SimpleMeterRegistry()), replica(new SimpleMeterRegistry()));
        for (int round = 0; round < 3; round++) {
            for (TokenBuckets replica : replicas) {
                replica.charge(platform, 3); // one miss each, then nothing until the lease has ended everywhere
            }
            Thread.sleep(config.leaseTtl().toMillis() + 100);
        }
        for (TokenBuckets replica : replicas) {
            replica.quota(platform);
        }
        long remaining = replicas.get(0).quota(platform).remaining();
        assertTrue(remaining >= CAPACITY - 36, "12 misses cost 36 tokens; leases that ended unspent came back: " + remaining);
    }

    @Test
    void atTheEdgeOfALeaseAHitAndAMissAreAdmittedAlike() {
        Caller platform = freshPlatform();
        TokenBuckets a = replica(new SimpleMeterRegistry());
        TokenBuckets b = replica(new SimpleMeterRegistry());
        a.charge(platform, 1); // leases 60
        for (int i = 0; i < 58; i++) {
            a.charge(platform, 1); // 2 left
        }
        b.charge(platform, 4000); // a batch through b empties the bucket in Redis
        a.charge(platform, 3); // a miss costs more than the lease holds: admitted like a hit, the rest is debt
        assertThrows(ProblemException.class, () -> a.charge(platform, 1), "the lease is spent and the bucket in debt");
        long remaining = b.quota(platform).remaining();
        assertTrue(remaining <= CAPACITY - 1 - 60 - 4000 - 1 + 1, "the miss's third token was charged to Redis: " + remaining);
    }

    @Test
    void theEventLoopAdmitsAHitAndAMissAlikeAndWhatItAdmittedStaysAdmittedWhateverHappensToTheLease() throws Exception {
        Caller platform = freshPlatform();
        MeterRegistry registry = new SimpleMeterRegistry();
        TokenBuckets a = replica(registry);
        TokenBuckets b = replica(new SimpleMeterRegistry());
        assertEquals(-1, a.admitWithoutRedis(platform, 1), "no lease yet: Redis decides, for a hit ...");
        assertEquals(-1, a.admitWithoutRedis(platform, 3), "... as for a miss");
        a.charge(platform, 1); // charged to Redis, and leases 60
        for (int i = 0; i < 57; i++) {
            assertEquals(0, a.admitWithoutRedis(platform, 1));
        }
        assertEquals(1.0, scripts(registry), "57 hits spent from the lease without a script call");
        b.charge(platform, 4000); // the bucket in Redis is now in debt (a scanner at its quota); the lease holds 3
        assertEquals(0, a.admitWithoutRedis(platform, 1), "a hit at a lease of 3 is admitted ...");
        long owed = a.admitWithoutRedis(platform, 3);
        assertEquals(1, owed, "... and so is a miss at a lease of 2: admitted, one token owed to Redis");
        // what used to be a race a miss could lose: the lease is drained and ends before any worker runs
        assertEquals(-1, a.admitWithoutRedis(platform, 1));
        Thread.sleep(config.leaseTtl().toMillis());
        a.chargeOwed(platform, owed); // into debt: never refuses what the event loop admitted
        assertEquals(2.0, scripts(registry), "the owed token was charged to Redis");
        long remaining = b.quota(platform).remaining();
        assertTrue(remaining <= CAPACITY - 1 - 60 - 4000 - 1 + 10, "the miss's third token is in Redis' debt: " + remaining);
        assertEquals(-1, a.admitWithoutRedis(platform, 1), "an ended lease admits neither a hit ...");
        assertEquals(-1, a.admitWithoutRedis(platform, 3), "... nor a miss without Redis");
        assertThrows(ProblemException.class, () -> a.charge(platform, 1), "and Redis, in debt, refuses both");
        assertThrows(ProblemException.class, () -> a.charge(platform, 3));
        Caller police = new Caller("lease-test", Role.POLICE, new ParticipantCode("GA3301"));
        assertEquals(0, a.admitWithoutRedis(police, 1000), "exempt roles are never metered");
    }

    @Test
    void manyConcurrentRedisCallsWaitForAPooledConnectionInsteadOfFallingBackToMemory() throws Exception {
        MeterRegistry registry = new SimpleMeterRegistry();
        TokenBuckets a = replica(registry);
        int calls = 96; // more than the Redis client's defaults let wait (6 connections, 24 waiting)
        List<Caller> platforms = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            platforms.add(freshPlatform()); // one participant each: no lease lock puts them in a row
        }
        ExecutorService pool = Executors.newFixedThreadPool(calls);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<Future<Quota>> quotas = new ArrayList<>();
            for (Caller platform : platforms) {
                quotas.add(pool.submit(() -> {
                    start.await();
                    return a.quota(platform);
                }));
            }
            start.countDown();
            for (Future<Quota> quota : quotas) {
                quota.get();
            }
        } finally {
            pool.shutdownNow();
        }
        // every call reached Redis: a call past a full pool queue fails at once and never does. Checked in Redis, not by
        // timing: on a busy machine a call may outlast the client's timeout, yet its script still runs and writes the key
        long deadline = System.nanoTime() + 10_000_000_000L;
        List<Caller> missing = new ArrayList<>(platforms);
        while (!missing.isEmpty() && System.nanoTime() < deadline) {
            missing.removeIf(platform -> redis.key(String.class).exists(bucket(platform)));
            Thread.sleep(50);
        }
        assertTrue(missing.isEmpty(), missing.size() + " of " + calls + " calls never reached Redis: an overflowing pool"
                + " queue sends them to this replica's memory buckets for a lease lifetime");
    }

    @Test
    void aScriptErrorForOneParticipantSwitchesNobodyToMemory() {
        Caller broken = freshPlatform();
        Caller other = freshPlatform();
        redis.value(String.class).set(bucket(broken), "not a hash"); // every script call for it fails with WRONGTYPE
        MeterRegistry registry = new SimpleMeterRegistry();
        TokenBuckets a = replica(registry);
        // answered from this replica's memory, which starts empty for a participant Redis never reported on
        assertThrows(ProblemException.class, () -> a.charge(broken, 3));
        a.charge(other, 3);
        a.charge(other, 1000);
        assertEquals(2.0, scripts(registry), "the other participant's charges still went to Redis");
        redis.key(String.class).del(bucket(broken));
        a.charge(broken, 1000);
        assertEquals(3.0, scripts(registry), "and so does the failing participant's next charge: an error reply is not an outage");
    }

    @Test
    void aBucketInDebtLivesInRedisUntilTheDebtWouldHaveBeenRefilled() {
        Caller platform = freshPlatform();
        TokenBuckets a = replica(new SimpleMeterRegistry());
        a.charge(platform, 6000); // 2,000 tokens of debt: 4 minutes of refill before the bucket is even empty
        long ttl = redis.key(String.class).pttl(bucket(platform));
        long refillFromDebtToFull = (long) Math.ceil((CAPACITY + 2000) / REFILL_PER_MS);
        assertTrue(ttl >= refillFromDebtToFull, "forgetting the key sooner would forgive the debt: " + ttl + " ms");
    }

    private TokenBuckets replica(MeterRegistry registry) {
        TokenBuckets replica = new TokenBuckets(redis, config, registry);
        replica.metrics = metrics;
        return replica;
    }

    private boolean hasLease(Caller platform) {
        return redis.hash(String.class).hgetall(bucket(platform)).keySet().stream()
                .anyMatch(field -> field.startsWith("lease:"));
    }

    private static String bucket(Caller platform) {
        return "ar:bucket:" + platform.participant().value();
    }

    private static double scripts(MeterRegistry registry) {
        return registry.get("accountrisk.antiscan.bucket.scripts").counter().count();
    }

    private static Caller freshPlatform() {
        String code = "PL" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
        return new Caller("lease-test", Role.PAYMENT_INSTITUTION, new ParticipantCode(code));
    }

    /** Charges of this cost the replica answers before its first refusal (a 429), at most 10,000. */
    private static long answeredUntilRefused(TokenBuckets replica, Caller caller, long cost) {
        long answered = 0;
        try {
            while (answered < 10_000) {
                replica.charge(caller, cost);
                answered++;
            }
        } catch (ProblemException refused) {
            assertEquals(429, refused.type().status());
        }
        return answered;
    }
}
