package io.fraudshield.stoppayment.participant;

import io.fraudshield.common.caller.CurrentCaller;
import io.fraudshield.common.caller.Role;
import io.fraudshield.common.identifier.ParticipantCode;
import io.fraudshield.common.idempotency.Idempotency;
import io.fraudshield.stoppayment.Examples;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import java.util.List;
import java.util.UUID;

@Path("/v1/participants")
@Tag(name = "Participants", description = "The registry of banks, payment institutions and police agencies (admin)")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.APPLICATION_JSON)
public class ParticipantResource {

    private final ParticipantService participants;
    private final Idempotency idempotency;
    private final CurrentCaller caller;

    public ParticipantResource(ParticipantService participants, Idempotency idempotency, CurrentCaller caller) {
        this.participants = participants;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerParticipant", summary = "Register or update a participant",
            description = "Kind, name, webhook URL (https; the only target webhooks go to) and card BIN ranges.")
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(implementation = ParticipantView.class)))
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = ParticipantView.class)))
    public RestResponse<ParticipantView> register(@PathParam("code") ParticipantCode code, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                             @RequestBody(content = @Content(examples = @ExampleObject(name = "bank", value = Examples.PARTICIPANT)))
                             @Valid @NotNull ParticipantRequest request) {
        return idempotency.once(caller.get(), idempotencyKey, new Idempotency.Target(code, request), ParticipantView.class, () -> {
            ParticipantService.Registered registered = participants.register(caller.get(), code, request);
            return registered.created()
                    ? RestResponse.ResponseBuilder.<ParticipantView>created(URI.create("/v1/participants/" + code))
                            .entity(registered.view()).build()
                    : RestResponse.ok(registered.view());
        });
    }

    @POST
    @Path("/{code}/signing-secrets")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addSigningSecret", summary = "Add a webhook signing secret",
            description = "At most two are active: adding a third retires the oldest. Webhooks carry one v1 signature per active secret.")
    @APIResponse(responseCode = "200", description = "Added", content = @Content(schema = @Schema(implementation = ParticipantView.class)))
    public RestResponse<ParticipantView> addSecret(@PathParam("code") ParticipantCode code, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                              @RequestBody(content = @Content(examples = @ExampleObject(name = "secret", value = Examples.SIGNING_SECRET)))
                              @Valid @NotNull SigningSecretRequest request) {
        return idempotency.once(caller.get(), idempotencyKey, new Idempotency.Target(code, request), ParticipantView.class,
                () -> RestResponse.ok(participants.addSigningSecret(caller.get(), code, request)));
    }

    @POST
    @Path("/{code}/signing-secrets/{secretId}/retirement")
    @Operation(operationId = "retireSigningSecret", summary = "Retire a signing secret at once")
    @APIResponse(responseCode = "200", description = "Retired", content = @Content(schema = @Schema(implementation = ParticipantView.class)))
    public RestResponse<ParticipantView> retireSecret(@PathParam("code") ParticipantCode code, @PathParam("secretId") UUID secretId,
                                 @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.once(caller.get(), idempotencyKey, new Idempotency.Target(code + "/" + secretId, "retirement"),
                ParticipantView.class, () -> RestResponse.ok(participants.retireSigningSecret(caller.get(), code, secretId)));
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getParticipant", summary = "A participant")
    public ParticipantView find(@PathParam("code") ParticipantCode code) {
        return participants.find(code);
    }

    @GET
    @Operation(operationId = "listParticipants", summary = "Every participant")
    public List<ParticipantView> list() {
        return participants.list();
    }
}
