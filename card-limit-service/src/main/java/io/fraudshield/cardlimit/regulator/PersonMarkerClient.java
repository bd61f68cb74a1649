package io.fraudshield.cardlimit.regulator;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** account-risk-service's person markers; the outbox message id is the Idempotency-Key, so a retry applies once. */
@RegisterRestClient(configKey = "account-risk")
@RegisterClientHeaders(ServiceTokenHeader.class)
@Path("/v1/person-markers")
public interface PersonMarkerClient {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Response add(@HeaderParam("Idempotency-Key") String idempotencyKey, String markerJson);
}
