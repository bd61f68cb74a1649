package io.fraudshield.stoppayment.delivery;

import io.fraudshield.stoppayment.outbound.WebhookEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fraudshield.common.outbox.DeliveryOutcome;
import io.fraudshield.common.outbox.OutboxDelivery;
import io.fraudshield.common.outbox.OutboxMessage;
import io.fraudshield.common.tracing.Traceparent;
import io.fraudshield.stoppayment.participant.ParticipantService;
import io.fraudshield.stoppayment.participant.WebhookTarget;
import io.fraudshield.stoppayment.rules.StopPaymentConfig;
import io.fraudshield.stoppayment.sealing.Sealer;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Pushes one outbox webhook event to the participant's registered URL, signed under every active secret, and
 * records the attempt. The URL and secrets are read at each attempt, so a rotation or a new URL applies to
 * retries too. A participant without a webhook reads its inbox: nothing to push.
 */
@ApplicationScoped
public class ParticipantWebhookDelivery implements OutboxDelivery {

    private final ParticipantService participants;
    private final DeliveryAttemptStore attempts;
    private final Sealer sealer;
    private final ObjectMapper json;
    private final Duration readTimeout;
    private final HttpClient http;
    private final WebhookLag lag;

    public ParticipantWebhookDelivery(ParticipantService participants, DeliveryAttemptStore attempts, Sealer sealer,
                                      ObjectMapper json, StopPaymentConfig config, WebhookLag lag) {
        this.lag = lag;
        this.participants = participants;
        this.attempts = attempts;
        this.sealer = sealer;
        this.json = json;
        this.readTimeout = config.webhooks().readTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(config.webhooks().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String destination() {
        return WebhookEvent.DESTINATION;
    }

    @Override
    public DeliveryOutcome deliver(OutboxMessage message) {
        WebhookEvent event = read(message);
        Instant started = Instant.now();
        long startedNanos = System.nanoTime();
        Optional<WebhookTarget> target = participants.webhookTarget(event.participant());
        if (target.isEmpty()) {
            return DeliveryOutcome.delivered();
        }
        if (target.get().secrets().isEmpty()) {
            return record(message, event, started, startedNanos, null, DeliveryOutcome.retry("no active signing secret"));
        }
        long timestamp = started.getEpochSecond();
        HttpRequest.Builder request = HttpRequest.newBuilder(target.get().url()).timeout(readTimeout)
                .header("Content-Type", "application/json")
                .header(WebhookSigner.EVENT_ID_HEADER, message.id().toString())
                .header(WebhookSigner.SIGNATURE_HEADER, WebhookSigner.signatureHeader(timestamp, event.body(), target.get().secrets()))
                .POST(HttpRequest.BodyPublishers.ofString(event.body(), StandardCharsets.UTF_8));
        // the trace of the request that caused the event (the outbox keeps it), for the participant's own tracing
        Traceparent.current().ifPresent(traceparent -> request.header(Traceparent.HEADER, traceparent));
        try {
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            return record(message, event, started, startedNanos, status, DeliveryOutcome.ofHttpStatus(status));
        } catch (IOException e) {
            return record(message, event, started, startedNanos, null, DeliveryOutcome.retry(e.getClass().getSimpleName()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return record(message, event, started, startedNanos, null, DeliveryOutcome.retry("interrupted"));
        }
    }

    private DeliveryOutcome record(OutboxMessage message, WebhookEvent event, Instant started, long startedNanos,
                                   Integer status, DeliveryOutcome outcome) {
        int millis = (int) Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
        if (outcome.kind() == DeliveryOutcome.Kind.DELIVERED) {
            lag.acknowledged(event.participant(), message.writtenAt(), Instant.now());
        }
        attempts.record(new DeliveryAttempt(message.id(), event.orderId(), event.participant(), event.type(),
                message.attempt(), started, status, outcome.kind().name(), outcome.detail(), millis));
        return outcome;
    }

    private WebhookEvent read(OutboxMessage message) {
        try {
            return json.readValue(sealer.open(WebhookEvent.SEALING_CONTEXT, message.payload()), WebhookEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("webhook event unreadable", e);
        }
    }
}
