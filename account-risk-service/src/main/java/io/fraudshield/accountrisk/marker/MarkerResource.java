package io.fraudshield.accountrisk.marker;

import io.fraudshield.accountrisk.Examples;
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

@Path("/v1")
@Tag(name = "Markers", description = "Markers on accounts and persons: categories, levels, validity, maker-checker, revocation")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Role.BANK_NAME, Role.PAYMENT_INSTITUTION_NAME, Role.POLICE_NAME, Role.REGULATOR_NAME, Role.SERVICE_NAME})
public class MarkerResource {

    private final MarkerService markers;
    private final Idempotency idempotency;
    private final CurrentCaller caller;

    public MarkerResource(MarkerService markers, Idempotency idempotency, CurrentCaller caller) {
        this.markers = markers;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Path("/account-markers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "markAccount", summary = "Mark an account", description = "Who may write which category is configuration (403 otherwise);"
            + " a BLACK marker is PENDING_APPROVAL until another person of the same participant approves it.")
    @APIResponse(responseCode = "201", description = "Marked", content = @Content(schema = @Schema(implementation = MarkerView.class)))
    public RestResponse<MarkerView> markAccount(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                @RequestBody(content = @Content(examples = @ExampleObject(name = "involved account",
                                        value = Examples.ACCOUNT_MARKER))) @Valid @NotNull AccountMarkerRequest request) {
        return idempotency.once(caller.get(), idempotencyKey, request, MarkerView.class,
                () -> created(markers.markAccount(caller.get(), request)));
    }

    @POST
    @Path("/person-markers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "markPerson", summary = "Mark a person", description = "The form card-limit-service's outbox sends; the Idempotency-Key is"
            + " the message id, so a message relayed again is applied once (200 with the marker it made).")
    @APIResponse(responseCode = "201", description = "Marked", content = @Content(schema = @Schema(implementation = MarkerView.class)))
    @APIResponse(responseCode = "200", description = "This message was applied before", content = @Content(schema = @Schema(implementation = MarkerView.class)))
    public RestResponse<MarkerView> markPerson(@HeaderParam(Idempotency.HEADER) String messageId,
                               @RequestBody(content = @Content(examples = @ExampleObject(name = "bulk opening",
                                       value = Examples.PERSON_MARKER))) @Valid @NotNull PersonMarkerRequest request) {
        return idempotency.once(caller.get(), messageId, request, MarkerView.class, () -> {
            MarkerService.Applied applied = markers.markPerson(caller.get(), messageId, request);
            return applied.created() ? created(applied.marker()) : RestResponse.ok(applied.marker());
        });
    }

    @GET
    @Path("/markers/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getMarker", summary = "A marker, whole", description = "For its source and police/regulator; anyone else gets 404.")
    public MarkerView find(@PathParam("id") UUID id) {
        return markers.find(caller.get(), id);
    }

    @POST
    @Path("/markers/{id}/approval")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "approveMarker", summary = "Approve a BLACK marker", description = "By another person of the source participant; self-approval is 403.")
    @APIResponse(responseCode = "200", description = "The marker, ACTIVE",
            content = @Content(schema = @Schema(implementation = MarkerView.class)))
    @APIResponse(responseCode = "409", description = "The marker is not pending approval")
    public RestResponse<MarkerView> approve(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.once(caller.get(), idempotencyKey, new Idempotency.Target(id, "approval"), MarkerView.class,
                () -> RestResponse.ok(markers.approve(caller.get(), id)));
    }

    @POST
    @Path("/markers/{id}/revocation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "revokeMarker", summary = "Revoke a marker", description = "By its source or a regulator; it stops counting at once. Audited.")
    @APIResponse(responseCode = "200", description = "The marker, REVOKED",
            content = @Content(schema = @Schema(implementation = MarkerView.class)))
    @APIResponse(responseCode = "409", description = "The marker is already revoked")
    public RestResponse<MarkerView> revoke(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           @RequestBody(content = @Content(examples = @ExampleObject(name = "case closed",
                                   value = Examples.REVOCATION))) @Valid @NotNull RevocationRequest request) {
        return idempotency.once(caller.get(), idempotencyKey, new Idempotency.Target(id, request), MarkerView.class,
                () -> RestResponse.ok(markers.revoke(caller.get(), id, request)));
    }

    private static RestResponse<MarkerView> created(MarkerView view) {
        return RestResponse.ResponseBuilder.<MarkerView>created(URI.create("/v1/markers/" + view.id())).entity(view).build();
    }
}
