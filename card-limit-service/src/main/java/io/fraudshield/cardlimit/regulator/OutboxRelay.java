package io.fraudshield.cardlimit.regulator;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Delivers outbox messages to account-risk-service, oldest first, retrying with exponential back-off
 * (capped at 10 minutes) until it acknowledges with 2xx. Replicas share the work with SKIP LOCKED.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 50;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);

    private final EntityManager entityManager;
    private final PersonMarkerClient markers;

    public OutboxRelay(EntityManager entityManager, @RestClient PersonMarkerClient markers) {
        this.entityManager = entityManager;
        this.markers = markers;
    }

    @Scheduled(every = "${cardlimit.outbox-relay-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        relayDue();
    }

    /** @return how many messages were delivered */
    public int relayDue() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<OutboxMessage> due = entityManager.createNativeQuery("select * from outbox_message"
                            + " where delivered_at is null and next_attempt_at <= now()"
                            + " order by created_at limit " + BATCH + " for update skip locked", OutboxMessage.class)
                    .getResultList();
            int delivered = 0;
            for (OutboxMessage message : due) {
                if (deliver(message)) {
                    delivered++;
                }
            }
            return delivered;
        });
    }

    private boolean deliver(OutboxMessage message) {
        message.attempts++;
        try (Response response = markers.add(message.id.toString(), message.payload)) {
            if (response.getStatus() / 100 == 2) {
                message.deliveredAt = Instant.now();
                message.lastError = null;
                return true;
            }
            retryLater(message, "HTTP " + response.getStatus());
        } catch (jakarta.ws.rs.WebApplicationException e) {
            retryLater(message, "HTTP " + e.getResponse().getStatus());
        } catch (RuntimeException e) {
            retryLater(message, e.getClass().getSimpleName());
        }
        return false;
    }

    private void retryLater(OutboxMessage message, String error) {
        long seconds = Math.min(MAX_BACKOFF.toSeconds(), 1L << Math.min(message.attempts, 20));
        message.nextAttemptAt = Instant.now().plusSeconds(seconds);
        message.lastError = error;
        LOG.warnf("outbox message %s (%s) not delivered (%s), attempt %d; next in %ds", message.id, message.topic,
                error, message.attempts, seconds);
    }
}
