package io.fraudshield.cardlimit.regulator;

import io.fraudshield.common.outbox.DeliveryOutcome;
import io.fraudshield.common.outbox.OutboxDelivery;
import io.fraudshield.common.outbox.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Carries the outbox's person markers to account-risk-service. */
@ApplicationScoped
public class PersonMarkerDelivery implements OutboxDelivery {

    public static final String DESTINATION = "account-risk";

    private final PersonMarkerClient markers;

    public PersonMarkerDelivery(@RestClient PersonMarkerClient markers) {
        this.markers = markers;
    }

    @Override
    public String destination() {
        return DESTINATION;
    }

    @Override
    public DeliveryOutcome deliver(OutboxMessage message) {
        String id = message.id().toString();
        try (Response response = markers.add(id, id, message.payload())) {
            return DeliveryOutcome.ofHttpStatus(response.getStatus());
        } catch (WebApplicationException e) {
            // the REST client turns 4xx/5xx answers into exceptions
            return DeliveryOutcome.ofHttpStatus(e.getResponse().getStatus());
        }
    }
}
