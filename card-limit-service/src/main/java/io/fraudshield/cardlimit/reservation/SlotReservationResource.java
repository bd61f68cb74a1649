package io.fraudshield.cardlimit.reservation;

import io.fraudshield.cardlimit.Examples;
import io.fraudshield.cardlimit.ratelimit.OpeningRateLimit;
import io.fraudshield.cardlimit.slot.CardView;
import io.fraudshield.cardlimit.reservation.ConfirmationRequest;
import io.fraudshield.common.caller.CurrentCaller;
import io.fraudshield.common.caller.Role;
import io.fraudshield.common.idempotency.Idempotency;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/v1/slot-reservations")
@Tag(name = "Slot reservations", description = "Hold a card or account slot atomically, then confirm or release it")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Role.BANK_NAME, Role.BANK_SUPERVISOR_NAME, Role.PAYMENT_INSTITUTION_NAME})
public class SlotReservationResource {

    private final SlotReservationService reservations;
    private final ReservationReads reads;
    private final ReservationConfirmation confirmation;
    private final CurrentCaller caller;
    private final OpeningRateLimit rateLimit;

    public SlotReservationResource(SlotReservationService reservations, ReservationReads reads,
                                   ReservationConfirmation confirmation, CurrentCaller caller, OpeningRateLimit rateLimit) {
        this.reads = reads;
        this.rateLimit = rateLimit;
        this.reservations = reservations;
        this.confirmation = confirmation;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reserveSlot", summary = "Reserve a slot",
            description = "The opening check, decided under the customer's lock. ALLOW holds a slot until heldUntil "
                    + "(201 + Location); DENY and REVIEW hold nothing (200). Takes one token of the bank's opening-decision "
                    + "bucket, shared with opening checks (429 with Retry-After when empty).")
    @APIResponse(responseCode = "201", description = "Slot held",
            content = @Content(schema = @Schema(implementation = ReservationView.class)))
    @APIResponse(responseCode = "200", description = "Denied or sent to review: nothing held",
            content = @Content(schema = @Schema(implementation = ReservationView.class)))
    @APIResponse(responseCode = "429", description = "The bank's opening-decision bucket is empty; see Retry-After")
    @APIResponse(responseCode = "503", description = "The bank's opening tokens could not be drawn in time (or a lost race); see Retry-After")
    public RestResponse<ReservationView> reserve(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                            @RequestBody(content = @Content(examples = {
                                    @ExampleObject(name = "debit card", value = Examples.OPENING),
                                    @ExampleObject(name = "opened by an agent", value = Examples.OPENING_BY_AGENT)}))
                            @Valid @NotNull OpeningRequest request) {
        // a token of the bank's opening-decision bucket before anyone is looked up (429 when empty)
        rateLimit.take(caller.get());
        var applicant = reservations.applicant(request);
        return reservations.reserve(caller.get(), idempotencyKey, request, applicant);
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getReservation", summary = "A reservation of the calling bank",
            description = "Its state and, while HELD, until when. Another bank's reservation answers 404.")
    public ReservationView find(@PathParam("id") UUID id) {
        return reads.find(caller.get(), id);
    }

    @POST
    @Path("/{id}/confirmation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "confirmReservation", summary = "Confirm a held slot with the issued card",
            description = "The card number is stored only as a keyed hash, BIN and last 4. Agent-opened cards stay "
                    + "INACTIVE until the agent activates them at the counter. A hold that ran out answers 409.")
    @APIResponse(responseCode = "200", description = "The card, registered",
            headers = @Header(name = "Location", description = "The registered card", required = true,
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(schema = @Schema(implementation = CardView.class)))
    @APIResponse(responseCode = "409", description = "The hold ran out or was released, or the card number is already registered")
    public RestResponse<CardView> confirm(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                            @RequestBody(content = @Content(examples = @ExampleObject(name = "card",
                                    value = Examples.CONFIRMATION))) @Valid @NotNull ConfirmationRequest request) {
        return confirmation.confirm(caller.get(), idempotencyKey, id, request);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "releaseReservation", summary = "Release a held slot",
            description = "Idempotent by nature (DELETE): releasing a released hold answers 204 again.")
    @APIResponse(responseCode = "204", description = "Released (or already released)")
    @APIResponse(responseCode = "409", description = "The slot is no longer held: it was confirmed or expired")
    public void release(@PathParam("id") UUID id) {
        reservations.release(caller.get(), id);
    }
}
