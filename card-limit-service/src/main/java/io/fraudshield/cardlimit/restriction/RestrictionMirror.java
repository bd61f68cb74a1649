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
 * followed from seq 0 again into a new state, which stays unused until it has caught up.
 */
@ApplicationScoped
public class RestrictionMirror {

    private static final Logger LOG = Logger.getLogger(RestrictionMirror.class);
    private static final long SWEEP_EVERY_NANOS = Duration.ofMinutes(10).toNanos();

    private final MarkerEventsClient feed;
    private final TimeSource time;
    private final RestrictionMirrorMetrics metrics;
    private final long freshnessNanos;
    private final int pageSize;
    private final RestrictionMirrorConfig config;
    private final long startedNanos = System.nanoTime();
    private volatile MirrorState state = new MirrorState();
    private volatile long head;
    private long lastSweepNanos = startedNanos;
    private boolean failing;
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

    /** The person's status from memory while fresh; empty when stale, not yet synced, or not decidable here. */
    public Optional<RestrictionStatus> statusOf(String customerRef) {
        MirrorState current = state;
        if (!current.freshAt(System.nanoTime(), freshnessNanos)) {
            return Optional.empty();
        }
        return current.statusOf(customerRef, time.now());
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
        MirrorState current = state;
        long started = System.nanoTime();
        try {
            boolean reachedHead = false;
            while (!reachedHead) {
                long after = current.askAfter();
                FeedPage page = feed.after(after, pageSize);
                current.apply(after, page);
                head = page.head() == null ? current.seq() : page.head();
                reachedHead = page.events().size() < pageSize;
            }
            current.syncedAsOf(started);
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
