package io.fraudshield.cardlimit.restriction;

import io.fraudshield.cardlimit.rules.RestrictionStatus;
import io.fraudshield.cardlimit.time.TimeSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * card-limit-service's copy of the person restrictions, fed by account-risk-service's change feed, so an opening
 * needs no network hop (docs/design.md decision 5). Built from seq 0 at start, then polled from the last seq. It
 * answers only while fresh — its last poll that reached the feed's head began less than
 * {@code cardlimit.restriction-mirror.freshness} ago — so every change committed before that moment is in it;
 * otherwise {@link PersonRestrictions} asks account-risk-service. A feed that has lost what the mirror applied is
 * followed from seq 0 again into a new state, which stays unused until it has caught up. A state that would hold
 * more than {@code cardlimit.restriction-mirror.max-persons} persons in force is dropped: openings ask
 * account-risk-service until a rebuild, tried again after {@link #RETRY_AFTER_OVERFLOW_NANOS}, fits.
 */
@ApplicationScoped
public class RestrictionMirror {

    private static final Logger LOG = Logger.getLogger(RestrictionMirror.class);
    private static final long SWEEP_EVERY_NANOS = Duration.ofMinutes(10).toNanos();
    static final long RETRY_AFTER_OVERFLOW_NANOS = Duration.ofMinutes(10).toNanos();

    private final MarkerEventsClient feed;
    private final TimeSource time;
    private final RestrictionMirrorMetrics metrics;
    private final long freshnessNanos;
    private final int pageSize;
    private final int maxPersons;
    private final RestrictionMirrorConfig config;
    private final long startedNanos = System.nanoTime();
    private volatile MirrorState state = new MirrorState();
    private volatile long head;
    private long lastSweepNanos = startedNanos;
    private boolean failing;
    private volatile boolean overCapacity;
    private long overCapacitySinceNanos;
    private ScheduledExecutorService poller;

    public RestrictionMirror(@RestClient MarkerEventsClient feed, TimeSource time, RestrictionMirrorConfig config,
                             RestrictionMirrorMetrics metrics) {
        this.feed = feed;
        this.time = time;
        this.metrics = metrics;
        this.freshnessNanos = config.freshness().toNanos();
        if (config.pageSize() < 2 || config.pageSize() > 1000) {
            throw new IllegalStateException("cardlimit.restriction-mirror.page-size must be 2 to 1000");
        }
        this.pageSize = config.pageSize();
        if (config.maxPersons() < 1) {
            throw new IllegalStateException("cardlimit.restriction-mirror.max-persons must be at least 1");
        }
        this.maxPersons = config.maxPersons();
        this.config = config;
        metrics.watch(this);
    }

    /**
     * Polls on a thread of its own rather than with {@code @Scheduled}, whose jobs run at most once a second: the
     * freshness bound should outlast several polls, so one slow poll does not send openings to account-risk.
     */
    void start(@Observes StartupEvent started) {
        if (!config.enabled()) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "restriction-mirror");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::pollInRequestContext, 0, config.pollEvery().toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (poller != null) {
            poller.shutdownNow();
        }
    }

    /**
     * The status of the person presented under these references, from memory while fresh; empty when stale, not yet
     * synced, or not decidable here.
     */
    public Optional<RestrictionStatus> statusOf(List<String> customerRefs) {
        MirrorState current = state;
        if (!current.freshAt(System.nanoTime(), freshnessNanos)) {
            return Optional.empty();
        }
        return current.statusOf(customerRefs, time.now());
    }

    public boolean fresh() {
        return state.freshAt(System.nanoTime(), freshnessNanos);
    }

    /** The seq of the last feed entry applied. */
    public long seq() {
        return state.seq();
    }

    long behind() {
        return Math.max(0, head - state.seq());
    }

    int persons() {
        return state.persons();
    }

    /** Whether the last state was dropped for holding more than {@code max-persons}: openings ask account-risk. */
    boolean overCapacity() {
        return overCapacity;
    }

    /** Seconds since the last poll that reached the head began; before the first, since start-up. */
    double secondsSinceSync() {
        long now = System.nanoTime();
        return state.sinceSyncNanos(now).orElse(now - startedNanos) / 1e9;
    }

    private void pollInRequestContext() {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            poll();
        } catch (RuntimeException e) {
            // never let an exception end the schedule
            failed("unavailable", e);
        } finally {
            requestContext.terminate();
        }
    }

    void poll() {
        long started = System.nanoTime();
        if (overCapacity && started - overCapacitySinceNanos < RETRY_AFTER_OVERFLOW_NANOS) {
            return;
        }
        MirrorState current = state;
        try {
            boolean reachedHead = false;
            while (!reachedHead) {
                long after = current.askAfter();
                FeedPage page = feed.after(after, pageSize);
                current.apply(after, page);
                head = page.head();
                if (!withinCapacity(current)) {
                    return;
                }
                // head was read in the same snapshot as the page: next == head means nothing committed is missing
                reachedHead = page.next().longValue() == page.head().longValue();
            }
            boolean rebuilt = !current.rebuilt();
            current.syncedAsOf(started);
            if (rebuilt) {
                // a replay from seq 0 brought back every listing ever made: keep only those in force
                current.sweep(time.now());
                lastSweepNanos = started;
            }
            overCapacity = false;
            sweep(current, started);
            recovered();
        } catch (FeedRejectedException e) {
            if (e.diverged()) {
                state = new MirrorState();
                metrics.rebuilt();
            }
            failed(e.diverged() ? "diverged" : "malformed", e);
        } catch (WebApplicationException e) {
            // a 2xx here is a body the client could not read as a page
            failed(e.getResponse().getStatus() / 100 == 2 ? "malformed" : "unavailable", e);
        } catch (RuntimeException e) {
            failed("unavailable", e);
        }
    }

    /** Sweeps ended listings when over the cap; still over, drops the state so openings ask account-risk. */
    private boolean withinCapacity(MirrorState current) {
        if (current.persons() <= maxPersons) {
            return true;
        }
        current.sweep(time.now());
        if (current.persons() <= maxPersons) {
            return true;
        }
        state = new MirrorState();
        overCapacity = true;
        overCapacitySinceNanos = System.nanoTime();
        metrics.pollFailed("over-capacity");
        LOG.errorf("restriction mirror: more than %d persons in force (cardlimit.restriction-mirror.max-persons); dropped,"
                + " openings ask account-risk-service; rebuilding again in %d min", maxPersons,
                Duration.ofNanos(RETRY_AFTER_OVERFLOW_NANOS).toMinutes());
        return false;
    }

    private void sweep(MirrorState current, long now) {
        if (now - lastSweepNanos > SWEEP_EVERY_NANOS) {
            current.sweep(time.now());
            lastSweepNanos = now;
        }
    }

    private void failed(String reason, RuntimeException e) {
        metrics.pollFailed(reason);
        if (!failing) {
            LOG.warnf("restriction mirror: feed poll failed (%s: %s); openings ask account-risk-service once it is %s s old",
                    reason, e.getMessage(), freshnessNanos / 1e9);
            failing = true;
        }
    }

    private void recovered() {
        if (failing) {
            LOG.infof("restriction mirror: in step with the feed again at seq %d", state.seq());
            failing = false;
        }
    }
}
