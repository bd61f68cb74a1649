package io.fraudshield.common.audit;

import io.fraudshield.common.caller.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import io.fraudshield.common.problem.Problem;
import io.fraudshield.common.problem.Problems;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Every service exposes its own audit chain's verification to auditors and regulators. */
@Path("/v1/audit-chain/verification")
@Tag(name = "Audit", description = "Tamper-evident, hash-chained log of every state change")
@SecurityRequirement(name = "bearer")
public class AuditChainResource {

    private final AuditChainVerifier verifier;

    public AuditChainResource(AuditChainVerifier verifier) {
        this.verifier = verifier;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.AUDITOR_NAME, Role.REGULATOR_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Verify the audit chain",
            description = "Recomputes every link of this service's audit chain and names the first broken one.")
    @APIResponse(responseCode = "200", description = "The verification result",
            content = @Content(schema = @Schema(implementation = AuditVerification.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Caller is not an auditor, regulator or admin",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AuditVerification verify() {
        return verifier.verify();
    }
}
