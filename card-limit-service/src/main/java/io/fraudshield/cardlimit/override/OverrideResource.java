package io.fraudshield.cardlimit.override;

import io.fraudshield.cardlimit.Examples;
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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

@Path("/v1/overrides")
@Tag(name = "Overrides", description = "Maker-checker: one slot over a limit, approved by a second person")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Role.BANK_NAME)
public class OverrideResource {

    private final OverrideService overrides;
    private final Idempotency idempotency;
    private final CurrentCaller caller;

    public OverrideResource(OverrideService overrides, Idempotency idempotency, CurrentCaller caller) {
        this.overrides = overrides;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "requestOverride", summary = "Ask for an override",
            description = "Pending until another person of the bank approves it.")
    @APIResponse(responseCode = "201", description = "The override, PENDING_APPROVAL",
            content = @Content(schema = @Schema(implementation = OverrideView.class)))
    public RestResponse<OverrideView> request(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                            @RequestBody(content = @Content(examples = @ExampleObject(name = "payroll card",
                                    value = Examples.OVERRIDE))) @Valid @NotNull OverrideRequest request) {
        return idempotency.once(caller.get(), idempotencyKey, request, OverrideView.class, () -> {
            OverrideView view = overrides.request(caller.get(), request);
            return RestResponse.ResponseBuilder.<OverrideView>created(URI.create("/v1/overrides/" + view.id())).entity(view).build();
        });
    }

    @POST
    @Path("/{id}/approval")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "approveOverride", summary = "Approve an override",
            description = "By a different person of the same bank; self-approval is 403.")
    @APIResponse(responseCode = "200", description = "The override, APPROVED",
            content = @Content(schema = @Schema(implementation = OverrideView.class)))
    @APIResponse(responseCode = "409", description = "The override is not pending approval")
    public RestResponse<OverrideView> approve(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.once(caller.get(), idempotencyKey, new Idempotency.Target(id, "approval"), OverrideView.class,
                () -> RestResponse.ok(overrides.approve(caller.get(), id)));
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getOverride", summary = "An override of the calling bank",
            description = "Its state, who asked and who approved. Another bank's override answers 404.")
    public OverrideView find(@PathParam("id") UUID id) {
        return overrides.find(caller.get(), id);
    }
}
