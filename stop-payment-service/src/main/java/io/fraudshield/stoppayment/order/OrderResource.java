package io.fraudshield.stoppayment.order;

import io.fraudshield.common.caller.CurrentCaller;
import io.fraudshield.common.caller.Role;
import io.fraudshield.common.idempotency.Idempotency;
import io.fraudshield.stoppayment.Examples;
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
import java.util.List;
import java.util.UUID;

@Path("/v1")
@Tag(name = "Orders", description = "Stop-payment, freeze, renewal and release orders from police to banks (docs/rules.md A6)")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    private final OrderService orders;
    private final OrderReads reads;
    private final Idempotency idempotency;
    private final CurrentCaller caller;

    public OrderResource(OrderService orders, OrderReads reads, Idempotency idempotency, CurrentCaller caller) {
        this.orders = orders;
        this.reads = reads;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Path("/orders")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.POLICE_NAME)
    @Operation(operationId = "submitOrder", summary = "Issue an order",
            description = "Delivered at once to the target's inbox and webhook. A third stop on one account in a case is"
                    + " 409 order-limit-reached; a renewal or release of an ended order is 409 order-expired.")
    @APIResponse(responseCode = "201", description = "Issued", content = @Content(schema = @Schema(implementation = OrderView.class)))
    public RestResponse<OrderView> submit(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           @RequestBody(content = @Content(examples = @ExampleObject(name = "stop", value = Examples.STOP_ORDER)))
                           @Valid @NotNull SubmitOrderRequest request) {
        return idempotency.once(caller.get(), idempotencyKey, request, OrderView.class, () -> {
            OrderView view = orders.submit(caller.get(), request);
            return RestResponse.ResponseBuilder.<OrderView>created(URI.create("/v1/orders/" + view.id())).entity(view).build();
        });
    }

    @GET
    @Path("/orders/{id}")
    @RolesAllowed({Role.POLICE_NAME, Role.BANK_NAME, Role.PAYMENT_INSTITUTION_NAME, Role.REGULATOR_NAME})
    @Operation(operationId = "getOrder", summary = "An order", description = "Its agency, its target and the regulator see it; anyone else gets 404.")
    @APIResponse(responseCode = "200", description = "The order", content = @Content(schema = @Schema(implementation = OrderView.class)))
    public OrderView find(@PathParam("id") UUID id) {
        return reads.find(caller.get(), id);
    }

    @GET
    @Path("/approvals")
    @RolesAllowed(Role.POLICE_NAME)
    @Operation(operationId = "listApprovals", summary = "Follow-ups waiting for the calling officer's approval")
    public List<OrderView> awaitingApproval() {
        return orders.awaitingApproval(caller.get());
    }

    @POST
    @Path("/orders/{id}/approval")
    @RolesAllowed(Role.POLICE_NAME)
    @Operation(operationId = "approveOrder", summary = "Approve a follow-up", description = "By the case's officer; it is issued at once.")
    @APIResponse(responseCode = "200", description = "Issued", content = @Content(schema = @Schema(implementation = OrderView.class)))
    public RestResponse<OrderView> approve(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.once(caller.get(), idempotencyKey, new Idempotency.Target(id, "approval"), OrderView.class,
                () -> RestResponse.ok(orders.approve(caller.get(), id)));
    }

    @GET
    @Path("/cases/{caseNumber}/standing-authorisations/{id}")
    @RolesAllowed({Role.POLICE_NAME, Role.REGULATOR_NAME})
    @Operation(operationId = "getStandingAuthorisation", summary = "A standing authorisation of a case")
    public StandingAuthorisationView authorisation(@PathParam("caseNumber") String caseNumber, @PathParam("id") UUID id) {
        return orders.authorisation(caller.get(), caseNumber, id);
    }

    @POST
    @Path("/cases/{caseNumber}/standing-authorisations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.POLICE_NAME)
    @Operation(operationId = "grantStandingAuthorisation", summary = "Authorise follow-ups in advance",
            description = "By the case's officer: follow-ups within the layers, amount and time are issued without asking,"
                    + " with this authorisation as their legal basis.")
    @APIResponse(responseCode = "201", description = "Granted", content = @Content(schema = @Schema(implementation = StandingAuthorisationView.class)))
    public RestResponse<StandingAuthorisationView> authorise(@PathParam("caseNumber") String caseNumber, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                              @RequestBody(content = @Content(examples = @ExampleObject(name = "five layers",
                                      value = Examples.STANDING_AUTHORISATION))) @Valid @NotNull StandingAuthorisationRequest request) {
        return idempotency.once(caller.get(), idempotencyKey, new Idempotency.Target(caseNumber, request),
                StandingAuthorisationView.class, () -> {
                    StandingAuthorisationView view = orders.authorise(caller.get(), caseNumber, request);
                    return RestResponse.ResponseBuilder.<StandingAuthorisationView>created(URI.create("/v1/cases/" + caseNumber
                            + "/standing-authorisations/" + view.id())).entity(view).build();
                });
    }
}
