package io.fraudshield.cardlimit.restriction;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * account-risk-service's person restrictions (joint punishment, RULES.md A5; DESIGN.md). The caller's
 * bearer token is passed on, so account-risk-service sees which bank asks.
 */
@RegisterRestClient(configKey = "account-risk")
@RegisterClientHeaders
@Path("/v1/person-restrictions")
public interface PersonRestrictionsClient {

    @GET
    @Path("/{customerRef}")
    @Produces(MediaType.APPLICATION_JSON)
    PersonRestrictionView get(@PathParam("customerRef") String customerRef);
}
