package io.fraudshield.cardlimit.stock;

import io.fraudshield.common.caller.CurrentCaller;
import io.fraudshield.common.caller.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
    @Operation(summary = "Upload existing cards",
            description = "One JSON object per line: {\"customer\":{\"type\":…,\"number\":…},\"accountClass\":\"CLASS_II\",\"card\":\"DEBIT_CARD\","
                    + "\"cardNumber\":\"…\",\"state\":\"ACTIVE|INACTIVE|CLOSED\",\"agent\":{…}?}. Streamed in constant "
                    + "memory; bad lines are reported by number and the rest kept. Uploading the same cards again "
                    + "updates them (the card number is the key), so a retry is safe. GET the upload for progress.")
    public Response upload(InputStream body) {
        UUID id = uploads.receive(caller.get(), body);
        return Response.created(URI.create("/v1/stock-uploads/" + id)).entity(uploads.find(caller.get(), id)).build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Progress and work-list of an upload of the calling bank")
    public StockUploadView find(@PathParam("id") UUID id) {
        return uploads.find(caller.get(), id);
    }
}
