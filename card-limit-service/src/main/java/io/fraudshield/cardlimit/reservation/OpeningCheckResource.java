package io.fraudshield.cardlimit.reservation;

import io.fraudshield.cardlimit.Examples;
import io.fraudshield.cardlimit.ratelimit.OpeningRateLimit;
import io.fraudshield.common.caller.CurrentCaller;
import io.fraudshield.common.caller.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import io.fraudshield.common.openapi.ContractFilter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/opening-checks")
@Tag(name = "Opening checks", description = "May this customer open this account (and card) at my bank or payment institution? (docs/rules.md A1, A2, A5)")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Role.BANK_NAME, Role.BANK_SUPERVISOR_NAME, Role.PAYMENT_INSTITUTION_NAME})
public class OpeningCheckResource {

    private final SlotReservationService reservations;
    private final CurrentCaller caller;
    private final OpeningRateLimit rateLimit;

    public OpeningCheckResource(SlotReservationService reservations, CurrentCaller caller, OpeningRateLimit rateLimit) {
        this.rateLimit = rateLimit;
        this.reservations = reservations;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "checkOpening", summary = "Dry-run an opening",
            description = "ALLOW / DENY / REVIEW with reason codes and the customer's holdings at the calling bank. "
                    + "Holds nothing: use slot-reservations to hold a slot. Audited (who asked about whom), and rate-limited "
                    + "per bank with the reservations: 429 too-many-requests with Retry-After when the bank's bucket is empty.")
    @Extension(name = ContractFilter.READ_ONLY_EXTENSION, value = "true", parseValue = true)
    @APIResponse(responseCode = "200", description = "The decision; nothing is held",
            content = @Content(schema = @Schema(implementation = OpeningCheckView.class)))
    @APIResponse(responseCode = "429", description = "The bank's opening-decision bucket is empty; see Retry-After")
    @APIResponse(responseCode = "503", description = "The bank's opening tokens could not be drawn in time (or a lost race); see Retry-After")
    public OpeningCheckView check(@RequestBody(content = @Content(examples = @ExampleObject(name = "debit card",
            value = Examples.OPENING))) @Valid @NotNull OpeningRequest request) {
        // a token of the bank's opening-decision bucket before anyone is looked up (429 when empty)
        rateLimit.take(caller.get());
        return reservations.check(caller.get(), request, reservations.applicant(request));
    }
}
