package io.fraudshield.stoppayment.feedback;

import io.fraudshield.common.caller.CurrentCaller;
import io.fraudshield.common.caller.Role;
import io.fraudshield.common.idempotency.Idempotency;
import io.fraudshield.stoppayment.Examples;
import io.fraudshield.stoppayment.order.OrderView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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

import java.util.UUID;

@Path("/v1/orders/{id}/feedback")
@Tag(name = "Feedback", description = "Banks' acknowledgement and result for each order (docs/rules.md A6)")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Role.BANK_NAME, Role.PAYMENT_INSTITUTION_NAME})
public class FeedbackResource {

    private final FeedbackService feedback;
    private final Idempotency idempotency;
    private final CurrentCaller caller;

    public FeedbackResource(FeedbackService feedback, Idempotency idempotency, CurrentCaller caller) {
        this.feedback = feedback;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "answerOrder", summary = "Acknowledge or answer an order",
            description = "Only the target institution (others 404). The same answer twice, or an acknowledgement after the"
                    + " answer, changes nothing; a different answer is 409. Onward transfers become follow-up orders.")
    @APIResponse(responseCode = "200", description = "The order after the feedback", content = @Content(schema = @Schema(implementation = OrderView.class)))
    public RestResponse<OrderView> answer(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           @RequestBody(content = @Content(examples = @ExampleObject(name = "partly stopped, money moved on",
                                   value = Examples.FEEDBACK))) @Valid @NotNull FeedbackRequest request) {
        return idempotency.once(caller.get(), idempotencyKey, new Idempotency.Target(id, request), OrderView.class,
                () -> RestResponse.ok(feedback.answer(caller.get(), id, request)));
    }
}
