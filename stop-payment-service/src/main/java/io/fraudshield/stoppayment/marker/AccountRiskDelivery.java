package io.fraudshield.stoppayment.marker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fraudshield.common.idempotency.Idempotency;
import io.fraudshield.common.outbox.DeliveryOutcome;
import io.fraudshield.common.outbox.OutboxDelivery;
import io.fraudshield.common.outbox.OutboxMessage;
import io.fraudshield.common.servicetoken.ServiceTokens;
import io.fraudshield.common.tracing.Traceparent;
import io.fraudshield.stoppayment.rules.StopPaymentConfig;
import io.fraudshield.stoppayment.sealing.Sealer;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Carries marker messages to account-risk-service (its contract on branch accountrisk, docs/stop-payment.md):
 * {@code POST /v1/account-markers} to add (BLACK STOPPED or FROZEN, checker-exempt there) and
 * {@code POST /v1/markers/{id}/revocation} to remove. The outbox message id is the Idempotency-Key, so a message
 * relayed twice is applied once. A revocation answered 409 was revoked already: delivered. Each call carries this
 * service's own token for account-risk's audience (ServiceTokens), never a caller's.
 */
@ApplicationScoped
public class AccountRiskDelivery implements OutboxDelivery {

    private final Sealer sealer;
    private final ObjectMapper json;
    private final AccountMarkerStore markers;
    private final ServiceTokens tokens;
    private final StopPaymentConfig.AccountRisk accountRisk;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public AccountRiskDelivery(Sealer sealer, ObjectMapper json, AccountMarkerStore markers, ServiceTokens tokens,
                               StopPaymentConfig config) {
        this.sealer = sealer;
        this.json = json;
        this.markers = markers;
        this.tokens = tokens;
        this.accountRisk = config.accountRisk();
    }

    @Override
    public String destination() {
        return MarkerEvents.DESTINATION;
    }

    @Override
    public DeliveryOutcome deliver(OutboxMessage message) {
        MarkerCommand command = read(sealer.open(MarkerEvents.SEALING_CONTEXT, message.payload()));
        try {
            return MarkerEvents.ADD.equals(message.type()) ? add(message, command) : revoke(message, command);
        } catch (IOException e) {
            return DeliveryOutcome.retry(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryOutcome.retry("interrupted");
        }
    }

    private DeliveryOutcome add(OutboxMessage message, MarkerCommand command) throws IOException, InterruptedException {
        ObjectNode body = json.createObjectNode().put("bank", command.bank()).put("accountNumber", command.accountNumber())
                .put("category", command.category()).put("level", "BLACK").put("reasonCode", command.reasonCode())
                .put("evidenceRef", "stop-payment order " + command.orderId());
        if (command.validFrom() != null) {
            body.put("validFrom", command.validFrom().toString());
        }
        HttpResponse<String> response = send(message, "/v1/account-markers", json.writeValueAsString(body));
        DeliveryOutcome outcome = DeliveryOutcome.ofHttpStatus(response.statusCode());
        if (outcome.kind() == DeliveryOutcome.Kind.DELIVERED) {
            JsonNode id = json.readTree(response.body()).get("id");
            if (id == null) {
                return DeliveryOutcome.permanent("account-risk answered without a marker id");
            }
            markers.remember(command.orderId(), UUID.fromString(id.asText()));
        }
        return outcome;
    }

    private DeliveryOutcome revoke(OutboxMessage message, MarkerCommand command) throws IOException, InterruptedException {
        Optional<UUID> marker = markers.markerOf(command.orderId());
        if (marker.isEmpty()) {
            return DeliveryOutcome.permanent("no marker was made for order " + command.orderId());
        }
        String body = json.writeValueAsString(json.createObjectNode().put("reason", command.revocationReason()));
        int status = send(message, "/v1/markers/" + marker.get() + "/revocation", body).statusCode();
        return status == 409 ? DeliveryOutcome.delivered() : DeliveryOutcome.ofHttpStatus(status);
    }

    private HttpResponse<String> send(OutboxMessage message, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(accountRisk.url() + path))
                .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                .header(Idempotency.HEADER, message.id().toString())
                .header(OutboxMessage.MESSAGE_ID_HEADER, message.id().toString())
                .header("Authorization", tokens.bearerFor(accountRisk.audience()))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        Traceparent.current().ifPresent(traceparent -> request.header(Traceparent.HEADER, traceparent));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private MarkerCommand read(String text) {
        try {
            return json.readValue(text, MarkerCommand.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("marker command unreadable", e);
        }
    }
}
