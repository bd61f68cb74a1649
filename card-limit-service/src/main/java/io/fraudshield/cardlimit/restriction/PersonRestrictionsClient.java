package io.fraudshield.cardlimit.restriction;

import io.fraudshield.cardlimit.accountrisk.AccountRiskToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * account-risk-service's person restrictions (joint punishment, docs/rules.md A5; docs/design.md), asked with
 * card-limit-service's own token, never the bank's.
 */
@RegisterRestClient(configKey = "account-risk")
@RegisterClientHeaders(AccountRiskToken.class)
@Path("/v1/person-restrictions")
public interface PersonRestrictionsClient {

    @GET
    @Path("/{customerRef}")
    @Produces(MediaType.APPLICATION_JSON)
    PersonRestrictionView get(@PathParam("customerRef") String customerRef);
}
