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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
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
    @Operation(summary = "A card of the calling bank")
    public CardView find(@PathParam("id") UUID id) {
        return cards.find(caller.get(), id);
    }

    @POST
    @Path("/cards/{id}/activation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Activate an agent-opened card",
            description = "By the agent who opened it, in person at the counter (RULES.md A1). Refused (409) while "
                    + "the customer is over a limit.")
    public Response activate(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                             @RequestBody(content = @Content(examples = @ExampleObject(name = "agent at the counter",
                                     value = Examples.ACTIVATION))) @Valid @NotNull ActivationRequest request) {
        return idempotency.once(caller.get(), idempotencyKey, new Idempotency.Target(id, request),
                () -> Response.ok(cards.activate(caller.get(), id, request)).build());
    }

    @POST
    @Path("/cards/{id}/closure")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Close a card", description = "A closed card no longer counts toward any limit.")
    public Response close(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.once(caller.get(), idempotencyKey, new Idempotency.Target(id, "closure"),
                () -> Response.ok(cards.close(caller.get(), id)).build());
    }

    @GET
    @Path("/customers/{customerRef}/holdings")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A customer's cards and holds at the calling bank",
            description = "customerRef is the pseudonym returned by opening checks; other banks' holdings are never shown.")
    public List<CardView> holdings(@PathParam("customerRef") String customerRef) {
        return cards.holdingsAtBank(caller.get(), customerRef);
    }
}
