package io.fraudshield.accountrisk.status;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.fraudshield.accountrisk.marker.MarkerConfig;
import io.fraudshield.accountrisk.marker.MarkerFact;
import io.fraudshield.accountrisk.marker.MarkerVisibility;
import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.problem.ProblemException;
import io.fraudshield.common.pseudonym.Pseudonymizer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Answers account-status queries from three tiers: this replica's memory, Redis, PostgreSQL. Whatever tier
 * answers, the snapshot is checked against the change feed up to the head read when the query began, so an
 * account whose marker was committed before that moment is never CLEAR (docs/account-risk.md, "Hot path").
 */
@ApplicationScoped
public class AccountStatusService {

    private final ChangeTracker tracker;
    private final RedisSnapshots redis;
    private final MarkerSnapshots postgres;
    private final Pseudonymizer pseudonymizer;
    private final MarkerConfig markerConfig;
    private final StatusQueryConfig config;
    private final Cache<String, Snapshot> local;
    private final Counter localHits;
    private final Counter redisHits;
    private final Counter postgresLoads;

    public AccountStatusService(ChangeTracker tracker, RedisSnapshots redis, MarkerSnapshots postgres,
                                Pseudonymizer pseudonymizer, MarkerConfig markerConfig, StatusQueryConfig config,
                                MeterRegistry registry) {
        this.tracker = tracker;
        this.redis = redis;
        this.postgres = postgres;
        this.pseudonymizer = pseudonymizer;
        this.markerConfig = markerConfig;
        this.config = config;
        this.local = Caffeine.newBuilder().maximumSize(config.localEntries()).build();
        tracker.onReset(local::invalidateAll);
        this.localHits = tier(registry, "memory");
        this.redisHits = tier(registry, "redis");
        this.postgresLoads = tier(registry, "postgresql");
    }

    /** Refs of the accounts asked about, in order, and their snapshots, at least as recent as the returned head (blocks). */
    public Lookup lookUp(StatusQueryRequest request) {
        List<String> refs = refs(request);
        return lookUp(refs, tracker.catchUp());
    }

    /** The keyed references of the accounts asked about, in request order (memory only). */
    public List<String> refs(StatusQueryRequest request) {
        if (request.accounts().size() > config.maxAccounts()) {
            throw ProblemException.invalidField("accounts", "at most " + config.maxAccounts() + " accounts per query");
        }
        List<String> refs = new ArrayList<>(request.accounts().size());
        for (AccountQuery account : request.accounts()) {
            refs.add(pseudonymizer.accountRef(account.bank(), account.accountNumber()));
        }
        return refs;
    }

    /**
     * The snapshots of {@code refs} when this replica's memory alone can answer: every change up to {@code head} is
     * applied and every snapshot is cached and still true. Never blocks, so it may run on the event loop.
     * @return null when Redis or PostgreSQL is needed: then {@link #lookUp(List, long)} on a worker thread
     */
    public Lookup fromMemory(List<String> refs, long head) {
        if (!tracker.caughtUpTo(head)) {
            return null;
        }
        Map<String, Snapshot> found = new HashMap<>(refs.size() * 2);
        for (String ref : refs) {
            Snapshot snapshot = local.getIfPresent(ref);
            if (snapshot == null || !tracker.stillTrue(ref, snapshot)) {
                return null;
            }
            found.put(ref, snapshot);
        }
        localHits.increment(refs.size());
        return new Lookup(refs, found, head);
    }

    /**
     * The snapshots of {@code refs}, from memory, Redis or PostgreSQL, after applying every change up to
     * {@code head} (a head read that began after the query did). Blocks: never on the event loop.
     */
    public Lookup lookUp(List<String> refs, long head) {
        tracker.catchUp(head);
        Map<String, Snapshot> found = new HashMap<>(refs.size() * 2);
        Set<String> missing = new LinkedHashSet<>();
        int fromMemory = 0;
        for (String ref : refs) {
            Snapshot snapshot = local.getIfPresent(ref);
            if (snapshot != null && tracker.stillTrue(ref, snapshot)) {
                found.put(ref, snapshot);
                fromMemory++;
            } else {
                missing.add(ref);
            }
        }
        localHits.increment(fromMemory);
        if (!missing.isEmpty()) {
            redis.get(missing).forEach((ref, snapshot) -> {
                if (tracker.stillTrue(ref, snapshot)) {
                    found.put(ref, snapshot);
                    local.put(ref, snapshot);
                    missing.remove(ref);
                    redisHits.increment();
                }
            });
        }
        if (!missing.isEmpty()) {
            Map<String, Snapshot> loaded = postgres.load(missing, head);
            postgresLoads.increment(loaded.size());
            found.putAll(loaded);
            local.putAll(loaded);
            redis.put(loaded);
        }
        return new Lookup(refs, found, head);
    }

    /** The answer for {@code caller}, cut to what its role may see. */
    public StatusQueryResponse answer(Caller caller, StatusQueryRequest request, Lookup lookup) {
        Instant now = Instant.now();
        Map<String, Instant> windowStarts = StatusPolicy.windowStarts(now, markerConfig.counterWindows());
        Map<String, Long> noReports = StatusPolicy.counters(List.of(), now, windowStarts);
        List<AccountStatusView> results = new ArrayList<>(lookup.refs().size());
        for (int i = 0; i < lookup.refs().size(); i++) {
            AccountQuery account = request.accounts().get(i);
            List<MarkerFact> markers = lookup.snapshots().get(lookup.refs().get(i)).markers();
            if (markers.isEmpty()) {
                results.add(new AccountStatusView(account.bank().value(), account.accountNumber().masked(),
                        AccountStatus.CLEAR, List.of(), noReports));
                continue;
            }
            results.add(new AccountStatusView(account.bank().value(), account.accountNumber().masked(),
                    StatusPolicy.status(markers, now),
                    markers.stream().filter(m -> m.inForce(now)).map(m -> MarkerVisibility.view(caller, m)).toList(),
                    StatusPolicy.counters(markers, now, windowStarts)));
        }
        return new StatusQueryResponse(results, lookup.head());
    }

    public record Lookup(List<String> refs, Map<String, Snapshot> snapshots, long head) {

        /** Accounts with no marker at all: the misses an enumerating caller pays more for. */
        public int misses() {
            int misses = 0;
            for (String ref : refs) {
                if (snapshots.get(ref).markers().isEmpty()) {
                    misses++;
                }
            }
            return misses;
        }
    }

    private static Counter tier(MeterRegistry registry, String tier) {
        return Counter.builder("accountrisk.status.snapshots").tag("tier", tier)
                .description("Account snapshots served, by the tier that had them").register(registry);
    }
}
