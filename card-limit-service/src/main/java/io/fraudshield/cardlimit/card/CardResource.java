package io.fraudshield.cardlimit.card;

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

import java.util.List;
import java.util.UUID;

@Path("/v1")
@Tag(name = "Cards", description = "Cards and accounts registered at the calling bank")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Role.BANK_NAME)
public class CardResource {

    private final CardService cards;
    private final Idempotency idempotency;
    private final CurrentCaller caller;

    public CardResource(CardService cards, Idempotency idempotency, CurrentCaller caller) {
        this.cards = cards;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @GET
    @Path("/cards/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getCard", summary = "A card of the calling bank",
            description = "Masked: BIN and last 4 only. Another bank's card answers 404.")
    public CardView find(@PathParam("id") UUID id) {
        return cards.find(caller.get(), id);
    }

    @POST
    @Path("/cards/{id}/activation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "activateCard", summary = "Activate an agent-opened card",
            description = "By the agent who opened it, in person at the counter (docs/rules.md A1). Refused (409) while "
                    + "the customer is over a limit.")
    @APIResponse(responseCode = "200", description = "The card, now ACTIVE",
            content = @Content(schema = @Schema(implementation = CardView.class)))
    @APIResponse(responseCode = "409", description = "Not an inactive agent-opened card, or the customer is over a limit")
    public RestResponse<CardView> activate(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                             @RequestBody(content = @Content(examples = @ExampleObject(name = "agent at the counter",
                                     value = Examples.ACTIVATION))) @Valid @NotNull ActivationRequest request) {
        return idempotency.once(caller.get(), idempotencyKey, new Idempotency.Target(id, request), CardView.class,
                () -> RestResponse.ok(cards.activate(caller.get(), id, request)));
    }

    @POST
    @Path("/cards/{id}/closure")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "closeCard", summary = "Close a card", description = "A closed card no longer counts toward any limit.")
    @APIResponse(responseCode = "200", description = "The card, now CLOSED",
            content = @Content(schema = @Schema(implementation = CardView.class)))
    @APIResponse(responseCode = "409", description = "The card is not open")
    public RestResponse<CardView> close(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.once(caller.get(), idempotencyKey, new Idempotency.Target(id, "closure"), CardView.class,
                () -> RestResponse.ok(cards.close(caller.get(), id)));
    }

    @GET
    @Path("/customers/{customerRef}/holdings")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listCustomerHoldings", summary = "A customer's cards and holds at the calling bank",
            description = "customerRef is the pseudonym returned by opening checks; other banks' holdings are never shown.")
    public List<CardView> holdings(@PathParam("customerRef") String customerRef) {
        return cards.holdingsAtBank(caller.get(), customerRef);
    }
}
