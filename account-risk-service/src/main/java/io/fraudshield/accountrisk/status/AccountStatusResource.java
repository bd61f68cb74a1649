package io.fraudshield.accountrisk.status;

import io.fraudshield.accountrisk.Examples;
import io.fraudshield.common.caller.CurrentCaller;
import io.fraudshield.common.caller.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import io.fraudshield.common.openapi.ContractFilter;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.concurrent.CompletionStage;

@Path("/v1/account-status-queries")
@Tag(name = "Account status", description = "Is this account stopped, frozen, black- or grey-listed? The payment-time question")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Role.BANK_NAME, Role.PAYMENT_INSTITUTION_NAME, Role.POLICE_NAME, Role.REGULATOR_NAME, Role.SERVICE_NAME})
public class AccountStatusResource {

    private final StatusQueries queries;
    private final CurrentCaller caller;

    public AccountStatusResource(StatusQueries queries, CurrentCaller caller) {
        this.queries = queries;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "queryAccountStatus", summary = "Status of 1 to 1,000 accounts", description = "CLEAR, GREY, BLACK, STOPPED or FROZEN per account,"
            + " the markers the caller's role may see, and report counters over 3 days, 30 days and 6 months. Never CLEAR"
            + " for a marker committed before the query began. Metered: an account with no marker costs more tokens"
            + " than one with a marker; an empty bucket is 429 with Retry-After.")
    @Extension(name = ContractFilter.READ_ONLY_EXTENSION, value = "true", parseValue = true)
    @APIResponse(responseCode = "200", description = "One answer per account, in request order",
            content = @Content(schema = @Schema(implementation = StatusQueryResponse.class)))
    @APIResponse(responseCode = "429", description = "The participant's look-up quota is used up; see Retry-After")
    public CompletionStage<StatusQueryResponse> query(@RequestBody(content = @Content(examples = @ExampleObject(name = "two accounts",
            value = Examples.STATUS_QUERY))) @Valid @NotNull StatusQueryRequest request) {
        // non-blocking (a CompletionStage): starts on the event loop and moves to a worker only when Redis or PostgreSQL is needed
        return queries.query(caller.get(), request);
    }
}
