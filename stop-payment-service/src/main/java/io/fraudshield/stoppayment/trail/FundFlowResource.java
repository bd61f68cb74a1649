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
                    + " followed and why. The same tree as a picture: .../fund-flow/svg.")
    public FundFlowView fundFlow(@PathParam("caseNumber") String caseNumber) {
        return fundFlow.of(caller.get(), caseNumber);
    }

    /** A path of its own, so that generated clients keep a typed JSON operation next to this picture. */
    @GET
    @Path("/svg")
    @Produces(SVG)
    @Operation(operationId = "getFundFlowSvg", summary = "The case's fund-flow tree as an SVG picture",
            description = "One column per layer; green: nothing missing, amber: part held, red: nothing held.")
    public String fundFlowSvg(@PathParam("caseNumber") String caseNumber) {
        return FundFlowSvg.render(fundFlow.of(caller.get(), caseNumber));
    }
}
