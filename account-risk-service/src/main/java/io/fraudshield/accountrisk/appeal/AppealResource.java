package io.fraudshield.accountrisk.appeal;

import io.fraudshield.common.caller.CurrentCaller;
import io.fraudshield.common.caller.Role;
import io.fraudshield.common.idempotency.Idempotency;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

@Path("/v1/appeals")
@Tag(name = "Appeals", description = "A bank appeals for its customer; the listing agency or a regulator decides")
@SecurityRequirement(name = "bearer")
public class AppealResource {

    private final AppealService appeals;
    private final Idempotency idempotency;
    private final CurrentCaller caller;

    public AppealResource(AppealService appeals, Idempotency idempotency, CurrentCaller caller) {
        this.appeals = appeals;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.BANK_NAME)
    @Operation(operationId = "fileAppeal", summary = "File an appeal", description = "Against the customer's restriction in force (409 when none); due by the configured time limit.")
    @APIResponse(responseCode = "201", description = "Filed", content = @Content(schema = @Schema(implementation = AppealView.class)))
    @APIResponse(responseCode = "409", description = "The person has no restriction in force")
    public RestResponse<AppealView> file(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                         @Valid @NotNull AppealRequest request) {
        return idempotency.once(caller.get(), idempotencyKey, request, AppealView.class, () -> {
            AppealView view = appeals.file(caller.get(), request);
            return RestResponse.ResponseBuilder.<AppealView>created(URI.create("/v1/appeals/" + view.id())).entity(view).build();
        });
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.POLICE_NAME, Role.REGULATOR_NAME})
    @Operation(operationId = "decideAppeal", summary = "Decide an appeal", description = "By the listing agency or a regulator; UPHELD lifts the restriction at once.")
    @APIResponse(responseCode = "200", description = "The appeal, UPHELD or REJECTED",
            content = @Content(schema = @Schema(implementation = AppealView.class)))
    @APIResponse(responseCode = "409", description = "The appeal was already decided")
    public RestResponse<AppealView> decide(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                           @Valid @NotNull DecisionRequest request) {
        return idempotency.once(caller.get(), idempotencyKey, new Idempotency.Target(id, request), AppealView.class,
                () -> RestResponse.ok(appeals.decide(caller.get(), id, request)));
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.BANK_NAME, Role.POLICE_NAME, Role.REGULATOR_NAME})
    @Operation(operationId = "getAppeal", summary = "An appeal", description = "For the filing bank, the listing agency and regulators; 404 for anyone else.")
    public AppealView find(@PathParam("id") UUID id) {
        return appeals.find(caller.get(), id);
    }
}
