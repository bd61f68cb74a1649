package io.fraudshield.common.tracing;

import io.fraudshield.common.caller.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A test-only route that fails as a bug would: an unexpected exception, answered 500. */
@Path("/test/failures")
public class FailingProbeResource {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed(Role.BANK_NAME)
    @Operation(operationId = "failProbe")
    public String fail() {
        throw new IllegalStateException("a probe's unexpected failure");
    }
}
