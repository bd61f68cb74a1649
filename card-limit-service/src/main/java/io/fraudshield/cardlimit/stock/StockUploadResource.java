package io.fraudshield.cardlimit.stock;

import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.caller.CurrentCaller;
import io.fraudshield.common.caller.Role;
import io.fraudshield.common.idempotency.Idempotency;
import io.fraudshield.common.problem.ProblemException;
import io.fraudshield.common.problem.ProblemType;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.io.InputStream;
import java.net.URI;
import java.util.UUID;

@Path("/v1/stock-uploads")
@Tag(name = "Stock clean-up", description = "存量清理: a bank's existing cards in, the work-list of customers over a limit out")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Role.BANK_NAME)
public class StockUploadResource {

    public static final String NDJSON = "application/x-ndjson";

    private final StockUploadService uploads;
    private final CurrentCaller caller;

    public StockUploadResource(StockUploadService uploads, CurrentCaller caller) {
        this.uploads = uploads;
        this.caller = caller;
    }

    @POST
    @Consumes(NDJSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "uploadStock", summary = "Upload existing cards",
            description = "One JSON object per line: {\"customer\":{\"type\":…,\"number\":…},\"accountClass\":\"CLASS_II\",\"card\":\"DEBIT_CARD\","
                    + "\"cardNumber\":\"…\",\"state\":\"ACTIVE|INACTIVE|CLOSED\",\"agent\":{…}?}. Streamed in constant "
                    + "memory; bad lines are reported by number and the rest kept. GET the upload for progress. "
                    + "The Idempotency-Key names the upload: sent again with the same key, the request is answered "
                    + "with that upload (201, same Location, its current state, Idempotent-Replayed: true) without "
                    + "reading the body, or 409 while it is still being received. The body is not fingerprinted "
                    + "(it may be GiBs of personal data), so use a new key for every file.")
    @APIResponse(responseCode = "201", description = "The upload, received: COMPLETED with the work-list, or FAILED",
            content = @Content(schema = @Schema(implementation = StockUploadView.class)))
    public RestResponse<StockUploadView> upload(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                                InputStream body) {
        Caller bank = caller.get();
        String key = Idempotency.checkedKey(idempotencyKey);
        var earlier = uploads.startedWith(bank, key);
        if (earlier.isPresent()) {
            if (earlier.get().state == StockUploadState.RECEIVING) {
                throw new ProblemException(ProblemType.IDEMPOTENCY_IN_FLIGHT,
                        "An upload with this Idempotency-Key is still being received; retry later");
            }
            return created(earlier.get().id, bank).header(Idempotency.REPLAYED_HEADER, "true").build();
        }
        return created(uploads.receive(bank, key, body), bank).build();
    }

    private RestResponse.ResponseBuilder<StockUploadView> created(UUID id, Caller bank) {
        return RestResponse.ResponseBuilder.<StockUploadView>created(URI.create("/v1/stock-uploads/" + id))
                .entity(uploads.find(bank, id));
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getStockUpload", summary = "Progress and work-list of an upload of the calling bank",
            description = "Line counts while RECEIVING; the work-list once COMPLETED. Another bank's upload answers 404.")
    public StockUploadView find(@PathParam("id") UUID id) {
        return uploads.find(caller.get(), id);
    }
}
