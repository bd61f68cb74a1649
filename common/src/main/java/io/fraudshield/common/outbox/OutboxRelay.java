package io.fraudshield.common.outbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Delivers due outbox messages: claims a batch under a lease (one short statement), calls each message's
 * {@link OutboxDelivery} with no transaction open and no row locked, then records the outcome — delivered,
 * retried after an exponential back-off with jitter, or a dead letter (a permanent refusal, or the attempt
 * limit reached). Any number of relays (replicas) may run at once; a claim is theirs alone until its lease
 * runs out, which is also how the messages of a relay that crashed come back.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int MAX_ROUNDS = 50;

    private final OutboxStore store;
    private final OutboxMetrics metrics;
    private final OutboxConfig config;
    private final Backoff backoff;
    private final Map<String, OutboxDelivery> deliveries;
    private final OutboxTracing tracing;

    public OutboxRelay(OutboxStore store, OutboxMetrics metrics, OutboxConfig config,
                       @Any Instance<OutboxDelivery> deliveries, OutboxTracing tracing) {
        this.store = store;
        this.tracing = tracing;
        this.metrics = metrics;
        this.config = config;
        this.backoff = new Backoff(config.backoffBase(), config.backoffMax(), () -> ThreadLocalRandom.current().nextDouble());
        this.deliveries = deliveries.stream().collect(Collectors.toMap(OutboxDelivery::destination, Function.identity()));
    }

    @Scheduled(every = "${fraudshield.outbox.relay-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        relayDue();
    }

    /** Delivered messages are kept a while for tracing, then deleted; dead letters stay for an operator. */
    @Scheduled(every = "1h", delay = 5, delayUnit = TimeUnit.MINUTES)
    void purge() {
        int deleted = store.purgeDelivered(config.keepDelivered());
        if (deleted > 0) {
            LOG.infof("outbox: deleted %d messages delivered more than %s ago", deleted, config.keepDelivered());
        }
    }

    /**
     * Relays until nothing is due (the next message of an aggregate becomes claimable once the one before it
     * is delivered, so this takes several rounds).
     *
     * @return how many messages this call delivered
     */
    public int relayDue() {
        UUID owner = UUID.randomUUID();
        int delivered = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            long leaseEnds = System.nanoTime() + config.lease().toNanos();
            List<OutboxMessage> claimed = store.claim(owner, config.batchSize(), config.lease());
            if (claimed.isEmpty()) {
                break;
            }
            for (OutboxMessage message : claimed) {
                if (System.nanoTime() - leaseEnds >= 0) {
                    break; // the lease ran out: another relay may own these now; they are not ours to send
                }
                if (relay(owner, message)) {
                    delivered++;
                }
            }
        }
        metrics.backlog(store.backlog());
        return delivered;
    }

    private boolean relay(UUID owner, OutboxMessage message) {
        // the attempt and its outcome's log lines belong to the trace of the request that wrote the message
        return tracing.within(message, () -> attemptAndRecord(owner, message));
    }

    private boolean attemptAndRecord(UUID owner, OutboxMessage message) {
        DeliveryOutcome outcome = attempt(message);
        switch (outcome.kind()) {
            case DELIVERED -> {
                if (store.markDelivered(message.id(), owner)) {
                    metrics.delivered(message.destination());
                    return true;
                }
            }
            case PERMANENT -> deadLetter(owner, message, outcome.detail());
            case RETRY -> {
                if (message.attempt() >= config.maxAttempts()) {
                    deadLetter(owner, message, outcome.detail() + " (attempt " + message.attempt() + ", the last)");
                } else {
                    Duration delay = backoff.after(message.attempt());
                    if (store.retryAfter(message.id(), owner, delay, outcome.detail())) {
                        metrics.retried(message.destination());
                        LOG.warnf("outbox message %s (%s to %s) not delivered: %s; attempt %d, next in %s",
                                message.id(), message.type(), message.destination(), outcome.detail(),
                                message.attempt(), delay);
                    }
                }
            }
        }
        return false;
    }

    private DeliveryOutcome attempt(OutboxMessage message) {
        OutboxDelivery delivery = deliveries.get(message.destination());
        if (delivery == null) {
            return DeliveryOutcome.retry("no OutboxDelivery for destination " + message.destination());
        }
        try {
            return delivery.deliver(message);
        } catch (RuntimeException e) {
            return DeliveryOutcome.retry(e.getClass().getSimpleName());
        }
    }

    private void deadLetter(UUID owner, OutboxMessage message, String error) {
        if (store.markDead(message.id(), owner, error)) {
            metrics.deadLettered(message.destination());
            LOG.errorf("outbox message %s (%s to %s) is a dead letter: %s", message.id(), message.type(),
                    message.destination(), error);
        }
    }
}
