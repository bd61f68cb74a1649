package io.fraudshield.common.idempotency;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;

/**
 * Forgets idempotency records after {@code fraudshield.idempotency.retention} (default 7 days, far longer
 * than any client retries). Safe on every replica at once: the delete is idempotent.
 */
@ApplicationScoped
public class IdempotencyRetention {

    private static final Logger LOG = Logger.getLogger(IdempotencyRetention.class);

    private final IdempotencyStore store;
    private final Duration retention;

    public IdempotencyRetention(IdempotencyStore store,
                                @ConfigProperty(name = "fraudshield.idempotency.retention", defaultValue = "P7D")
                                Duration retention) {
        this.store = store;
        this.retention = retention;
    }

    @Scheduled(every = "${fraudshield.idempotency.purge-every:1h}", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        int purged = purgeNow();
        if (purged > 0) {
            LOG.infof("purged %d idempotency records older than %s", purged, retention);
        }
    }

    public int purgeNow() {
        return store.purgeCreatedBefore(Instant.now().minus(retention));
    }
}
