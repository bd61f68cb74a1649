package io.fraudshield.common.audit;

import io.fraudshield.common.caller.Role;
import io.fraudshield.common.openapi.ContractFilter;
import io.fraudshield.common.problem.Problem;
import io.fraudshield.common.problem.ProblemException;
import io.fraudshield.common.problem.ProblemType;
import io.fraudshield.common.problem.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Optional;

/** Every service exposes its own audit chain's verification and signed checkpoints to auditors and regulators. */
@Path("/v1/audit-chain")
@Tag(name = "Audit", description = "Tamper-evident, hash-chained log of every state change")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Role.AUDITOR_NAME, Role.REGULATOR_NAME, Role.ADMIN_NAME})
public class AuditChainResource {

    private final AuditChainVerifier verifier;
    private final AuditCheckpoints checkpoints;

    public AuditChainResource(AuditChainVerifier verifier, AuditCheckpoints checkpoints) {
        this.verifier = verifier;
        this.checkpoints = checkpoints;
    }

    @GET
    @Path("verification")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "verifyAuditChain", summary = "Verify the audit chain",
            description = "Recomputes every link of this service's audit chain and names the first broken one.")
    @APIResponse(responseCode = "200", description = "The verification result",
            content = @Content(schema = @Schema(implementation = AuditVerification.class)))
    // the one explicit reference to Problem in every service: it puts the schema into components
    @APIResponse(responseCode = "403", description = "Caller is not an auditor, regulator or admin",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AuditVerification verify() {
        return verifier.verify();
    }

    @POST
    @Path("verifications")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "verifyAuditChainAgainstCheckpoint", summary = "Verify the audit chain against a kept checkpoint",
            description = "Verifies like GET /v1/audit-chain/verification and also that every chain still reaches the"
                    + " heads of the checkpoint sent, which the auditor kept from GET /v1/audit-chain/checkpoints/latest."
                    + " Catches an older head put back even when the database's own checkpoints were removed. Changes nothing.")
    @Extension(name = ContractFilter.READ_ONLY_EXTENSION, value = "true", parseValue = true)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = AuditCheckpoint.class)))
    @APIResponse(responseCode = "200", description = "The verification result",
            content = @Content(schema = @Schema(implementation = AuditVerification.class)))
    @APIResponse(responseCode = "400", description = "The body is not a checkpoint",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Caller is not an auditor, regulator or admin",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The checkpoint is not signed with this service's audit key",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AuditVerification verifyAgainst(@Valid @NotNull AuditCheckpoint checkpoint) {
        if (!verifier.isSigned(checkpoint)) {
            throw new ProblemException(ProblemType.AUDIT_CHECKPOINT_INVALID,
                    "The checkpoint's signature does not verify under any audit key of this service");
        }
        return verifier.verify(Optional.of(checkpoint));
    }

    @GET
    @Path("checkpoints/latest")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getLatestAuditCheckpoint", summary = "The latest signed checkpoint",
            description = "The heads of every audit chain, signed with this service's audit key, as last taken"
                    + " (every fraudshield.audit.checkpoint-every). Keep copies outside this service.")
    @APIResponse(responseCode = "200", description = "The latest checkpoint",
            content = @Content(schema = @Schema(implementation = AuditCheckpoint.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Caller is not an auditor, regulator or admin",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No checkpoint has been taken yet",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AuditCheckpoint latestCheckpoint() {
        return checkpoints.latest().orElseThrow(() -> ProblemException.notFound("Audit checkpoint"));
    }
}
