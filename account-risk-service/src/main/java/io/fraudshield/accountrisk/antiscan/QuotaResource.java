package io.fraudshield.accountrisk.antiscan;

import io.fraudshield.accountrisk.BlockingCalls;
import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.caller.CurrentCaller;
import io.fraudshield.common.caller.Role;
import io.vertx.core.Vertx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

@Path("/v1/quota")
@Tag(name = "Quota", description = "The caller's anti-enumeration token bucket")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Role.BANK_NAME, Role.PAYMENT_INSTITUTION_NAME, Role.POLICE_NAME, Role.REGULATOR_NAME, Role.SERVICE_NAME})
public class QuotaResource {

    private final TokenBuckets buckets;
    private final CurrentCaller caller;

    public QuotaResource(TokenBuckets buckets, CurrentCaller caller) {
        this.buckets = buckets;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getQuota", summary = "Your participant's quota", description = "Tokens left, tier, refill, and what hits and misses cost.")
    public CompletionStage<Quota> quota() {
        Caller who = caller.get();
        if (buckets.exempt(who)) {
            return CompletableFuture.completedFuture(buckets.quota(who)); // nothing metered: answered on the event loop
        }
        return BlockingCalls.onWorker(Vertx.currentContext(), () -> buckets.quota(who)); // Redis: on a worker thread, in the request's context
    }
}
