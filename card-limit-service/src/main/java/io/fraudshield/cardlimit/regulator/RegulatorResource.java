package io.fraudshield.cardlimit.regulator;

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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/cross-bank-counts")
@Tag(name = "Regulator", description = "Cross-institution account counts (反电信网络诈骗法 Art. 16); regulators only")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Role.REGULATOR_NAME)
public class RegulatorResource {

    private final RegulatorService regulator;
    private final CurrentCaller caller;

    public RegulatorResource(RegulatorService regulator, CurrentCaller caller) {
        this.regulator = regulator;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "countAcrossBanks", summary = "A customer's open cards and accounts at every bank",
            description = "A query, not a change: no Idempotency-Key needed. Each query is audited.")
    @Extension(name = ContractFilter.READ_ONLY_EXTENSION, value = "true", parseValue = true)
    @APIResponse(responseCode = "200", description = "Open cards and accounts per bank",
            content = @Content(schema = @Schema(implementation = CrossBankCounts.class)))
    public CrossBankCounts counts(@Valid @NotNull CrossBankQuery query) {
        return regulator.countsAcrossBanks(caller.get(), query);
    }
}
