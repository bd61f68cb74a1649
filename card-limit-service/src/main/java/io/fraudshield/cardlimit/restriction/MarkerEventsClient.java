package io.fraudshield.cardlimit.restriction;

import io.fraudshield.cardlimit.accountrisk.AccountRiskToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * account-risk-service's gap-free change feed, read in the background by {@link RestrictionMirror} with
 * card-limit-service's own token (as {@link PersonRestrictionsClient}); its own timeouts, since no opening waits on it.
 */
@RegisterRestClient(configKey = "account-risk-feed")
@RegisterClientHeaders(AccountRiskToken.class)
@Path("/v1/marker-events")
public interface MarkerEventsClient {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    FeedPage after(@QueryParam("after") long after, @QueryParam("limit") int limit);
}
