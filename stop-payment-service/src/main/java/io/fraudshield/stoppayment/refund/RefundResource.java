package io.fraudshield.stoppayment.refund;

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
import java.util.UUID;

@Path("/v1")
@Tag(name = "Refunds", description = "Frozen money back to victims: police decide, banks pay without fees (docs/rules.md A7)")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class RefundResource {

    private final RefundService refunds;
    private final Idempotency idempotency;
    private final CurrentCaller caller;

    public RefundResource(RefundService refunds, Idempotency idempotency, CurrentCaller caller) {
        this.refunds = refunds;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Path("/orders/{id}/refunds")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.POLICE_NAME)
    @Operation(operationId = "decideRefund", summary = "Return frozen money to victims",
            description = "Traced refunds go to the bank at once; a proportional one after a 30-day public notice."
                    + " More than the freeze holds (less earlier refunds) is 422.")
    @APIResponse(responseCode = "201", description = "Decided", content = @Content(schema = @Schema(implementation = RefundView.class)))
    public RestResponse<RefundView> decide(@PathParam("id") UUID freezeId, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           @RequestBody(content = @Content(examples = @ExampleObject(name = "one traced deposit", value = Examples.REFUND)))
                           @Valid @NotNull RefundRequest request) {
        return idempotency.once(caller.get(), idempotencyKey, new Idempotency.Target(freezeId, request), RefundView.class, () -> {
            RefundView view = refunds.decide(caller.get(), freezeId, request);
            return RestResponse.ResponseBuilder.<RefundView>created(URI.create("/v1/refunds/" + view.id())).entity(view).build();
        });
    }

    @GET
    @Path("/refunds/{id}")
    @RolesAllowed({Role.POLICE_NAME, Role.BANK_NAME, Role.PAYMENT_INSTITUTION_NAME, Role.REGULATOR_NAME})
    @Operation(operationId = "getRefund", summary = "A refund", description = "overdue = no receipt within 3 working days.")
    public RefundView find(@PathParam("id") UUID id) {
        return refunds.find(caller.get(), id);
    }

    @GET
    @Path("/refunds/overdue")
    @RolesAllowed({Role.POLICE_NAME, Role.REGULATOR_NAME})
    @Operation(operationId = "listOverdueRefunds", summary = "Refunds the bank has not confirmed within 3 working days",
            description = "The calling agency's; all of them for the regulator.")
    public java.util.List<RefundView> overdue() {
        return refunds.overdue(caller.get());
    }

    @POST
    @Path("/refunds/{id}/objection")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.POLICE_NAME)
    @Operation(operationId = "recordRefundObjection", summary = "Record an objection received during the notice: the refund is held")
    @APIResponse(responseCode = "200", description = "Held", content = @Content(schema = @Schema(implementation = RefundView.class)))
    public RestResponse<RefundView> object(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           @Valid @NotNull ObjectionRequest request) {
        return idempotency.once(caller.get(), idempotencyKey, new Idempotency.Target(id, request), RefundView.class,
                () -> RestResponse.ok(refunds.object(caller.get(), id, request)));
    }

    @POST
    @Path("/refunds/{id}/instruction")
    @RolesAllowed(Role.POLICE_NAME)
    @Operation(operationId = "instructRefund", summary = "Send a proportional refund to the bank once its notice has ended")
    @APIResponse(responseCode = "200", description = "Instructed", content = @Content(schema = @Schema(implementation = RefundView.class)))
    public RestResponse<RefundView> instruct(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.once(caller.get(), idempotencyKey, new Idempotency.Target(id, "instruction"), RefundView.class,
                () -> RestResponse.ok(refunds.instructAfterNotice(caller.get(), id)));
    }

    @POST
    @Path("/refunds/{id}/receipt")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.BANK_NAME, Role.PAYMENT_INSTITUTION_NAME})
    @Operation(operationId = "confirmRefund", summary = "The bank's receipt: the victims were paid, without fees")
    @APIResponse(responseCode = "200", description = "Completed", content = @Content(schema = @Schema(implementation = RefundView.class)))
    public RestResponse<RefundView> receipt(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                            @Valid @NotNull ReceiptRequest request) {
        return idempotency.once(caller.get(), idempotencyKey, new Idempotency.Target(id, request), RefundView.class,
                () -> RestResponse.ok(refunds.receipt(caller.get(), id, request)));
    }
}
