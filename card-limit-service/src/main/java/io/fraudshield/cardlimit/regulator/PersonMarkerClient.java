package io.fraudshield.cardlimit.regulator;

import io.fraudshield.cardlimit.accountrisk.AccountRiskToken;
import io.fraudshield.common.outbox.OutboxMessage;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * account-risk-service's person markers. The outbox message id goes as {@code Message-Id} and, since every
 * write there takes one, as {@code Idempotency-Key}: a retry applies once.
 */
@RegisterRestClient(configKey = "account-risk")
@RegisterClientHeaders(AccountRiskToken.class)
@Path("/v1/person-markers")
public interface PersonMarkerClient {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Response add(@HeaderParam(OutboxMessage.MESSAGE_ID_HEADER) String messageId,
                 @HeaderParam("Idempotency-Key") String idempotencyKey, String markerJson);
}
