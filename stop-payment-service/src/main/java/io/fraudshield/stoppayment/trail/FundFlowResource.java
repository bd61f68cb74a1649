package io.fraudshield.stoppayment.trail;

import io.fraudshield.common.caller.CurrentCaller;
import io.fraudshield.common.caller.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/cases/{caseNumber}/fund-flow")
@Tag(name = "Money trail", description = "Where a case's money went, layer by layer, and how much is held (docs/rules.md B2)")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Role.POLICE_NAME, Role.REGULATOR_NAME})
public class FundFlowResource {

    static final String SVG = "image/svg+xml";

    private final FundFlowService fundFlow;
    private final CurrentCaller caller;

    public FundFlowResource(FundFlowService fundFlow, CurrentCaller caller) {
        this.fundFlow = fundFlow;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getFundFlow", summary = "The case's fund-flow tree",
            description = "Per account and for the case: requested, stopped, frozen, refunded, missing; transfers not"
                    + " followed and why. With Accept: image/svg+xml, the same tree as a picture.")
    public FundFlowView fundFlow(@PathParam("caseNumber") String caseNumber) {
        return fundFlow.of(caller.get(), caseNumber);
    }

    /** The same operation in the OpenAPI document (one path, two media types). */
    @GET
    @Produces(SVG)
    public String fundFlowSvg(@PathParam("caseNumber") String caseNumber) {
        return FundFlowSvg.render(fundFlow.of(caller.get(), caseNumber));
    }
}
