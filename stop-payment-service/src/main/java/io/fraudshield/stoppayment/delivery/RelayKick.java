package io.fraudshield.stoppayment.delivery;

import io.fraudshield.common.outbox.OutboxRelay;
import io.fraudshield.stoppayment.rules.StopPaymentConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An order must reach its bank in well under a second, but the relay only polls every few seconds: after each
 * commit that wrote an outbox message this runs the relay on one background thread. Kicks that arrive while it
 * runs are folded into one more round, so a burst of orders costs a few relay runs, not one each.
 */
@ApplicationScoped
public class RelayKick {

    private static final Logger LOG = Logger.getLogger(RelayKick.class);

    private final OutboxRelay relay;
    private final boolean enabled;
    private final AtomicInteger requests = new AtomicInteger();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "stop-payment-relay-kick");
        thread.setDaemon(true);
        return thread;
    });

    public RelayKick(OutboxRelay relay, StopPaymentConfig config) {
        this.relay = relay;
        this.enabled = config.webhooks().relayOnCommit();
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        if (enabled && requests.getAndIncrement() == 0) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        while (true) {
            int seen = requests.get();
            try {
                relay.relayDue();
            } catch (RuntimeException e) {
                LOG.warnf("relay after commit failed (%s); the scheduled relay will retry", e.getClass().getSimpleName());
            }
            if (requests.compareAndSet(seen, 0)) {
                return;
            }
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
