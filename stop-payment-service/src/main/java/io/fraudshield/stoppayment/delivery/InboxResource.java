package io.fraudshield.stoppayment.delivery;

import io.fraudshield.common.caller.CurrentCaller;
import io.fraudshield.common.caller.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/v1")
@Tag(name = "Delivery", description = "Every order reaches its institution: an inbox to read and a signed webhook")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {

    private final DeliveryService deliveries;
    private final CurrentCaller caller;

    public InboxResource(DeliveryService deliveries, CurrentCaller caller) {
        this.deliveries = deliveries;
        this.caller = caller;
    }

    @GET
    @Path("/inbox")
    @RolesAllowed({Role.BANK_NAME, Role.PAYMENT_INSTITUTION_NAME})
    @Operation(operationId = "readInbox", summary = "Orders addressed to the calling institution, oldest first",
            description = "Cursor paging: pass the last nextCursor as after. Holds the account number and holder name until"
                    + " the institution has answered the order.")
    public InboxPage inbox(@QueryParam("after") String after,
                           @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return deliveries.inbox(caller.get(), after, limit);
    }

    @GET
    @Path("/orders/{id}/delivery-attempts")
    @RolesAllowed({Role.POLICE_NAME, Role.BANK_NAME, Role.PAYMENT_INSTITUTION_NAME, Role.REGULATOR_NAME})
    @Operation(operationId = "listDeliveryAttempts", summary = "Every webhook attempt for an order, with its outcome")
    public List<DeliveryAttempt> attempts(@PathParam("id") UUID id) {
        return deliveries.attempts(caller.get(), id);
    }
}
