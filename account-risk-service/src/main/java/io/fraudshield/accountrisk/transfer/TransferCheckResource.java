package io.fraudshield.accountrisk.transfer;

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
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/transfer-risk-checks")
@Tag(name = "Transfer checks", description = "Allow, warn, delay or block a transfer, by a configured rule table")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Role.BANK_NAME, Role.PAYMENT_INSTITUTION_NAME, Role.REGULATOR_NAME})
public class TransferCheckResource {

    private final TransferCheckService checks;
    private final CurrentCaller caller;

    public TransferCheckResource(TransferCheckService checks, CurrentCaller caller) {
        this.checks = checks;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "checkTransfer", summary = "Check a transfer", description = "Payer, payee, amount, channel → ALLOW, WARN (text for the payer"
            + " in Chinese and English), DELAY (ATM transfers to another person: credited after 24 h, revocable meanwhile)"
            + " or BLOCK, with every reason. Metered like status queries.")
    @Extension(name = ContractFilter.READ_ONLY_EXTENSION, value = "true", parseValue = true)
    @APIResponse(responseCode = "200", description = "The decision and its reasons",
            content = @Content(schema = @Schema(implementation = TransferCheckView.class)))
    @APIResponse(responseCode = "429", description = "The participant's look-up quota is used up; see Retry-After")
    public TransferCheckView check(@Valid @NotNull TransferCheckRequest request) {
        return checks.check(caller.get(), request);
    }
}
