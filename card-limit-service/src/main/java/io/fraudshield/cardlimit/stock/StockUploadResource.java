package io.fraudshield.cardlimit.stock;

import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.caller.CurrentCaller;
import io.fraudshield.common.caller.Role;
import io.fraudshield.common.idempotency.Idempotency;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
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
@RolesAllowed({Role.BANK_NAME, Role.BANK_SUPERVISOR_NAME})
public class StockUploadResource {

    public static final String NDJSON = "application/x-ndjson";

    private final StockUploadService uploads;
    private final CurrentCaller caller;

    public StockUploadResource(StockUploadService uploads, CurrentCaller caller) {
        this.uploads = uploads;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createStockUpload", summary = "Start a stock upload",
            description = "Answers the upload's id at once (202, Location); its lines follow with PUT {Location}/lines "
                    + "and the same Idempotency-Key. mode FULL_SNAPSHOT: the lines will be every card the bank holds, and "
                    + "open cards they miss are listed for review. Sent again with the same key: the same upload "
                    + "(Idempotent-Replayed: true).")
    @APIResponse(responseCode = "202", description = "The upload, CREATED: send its lines",
            headers = @Header(name = "Location", required = true, description = "The upload",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = StockUploadView.class)))
    public RestResponse<StockUploadView> create(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                                StockUploadRequest request) {
        Caller bank = caller.get();
        String key = Idempotency.checkedKey(idempotencyKey);
        var earlier = uploads.createdWith(bank, key);
        UUID id = earlier.map(upload -> upload.id).orElseGet(() -> uploads.create(bank, key,
                request == null ? StockUploadMode.INCREMENTAL : request.modeOrDefault()));
        RestResponse.ResponseBuilder<StockUploadView> accepted = RestResponse.ResponseBuilder
                .<StockUploadView>create(RestResponse.Status.ACCEPTED).location(URI.create("/v1/stock-uploads/" + id))
                .entity(uploads.find(bank, id));
        return (earlier.isPresent() ? accepted.header(Idempotency.REPLAYED_HEADER, "true") : accepted).build();
    }

    @PUT
    @Path("/{id}/lines")
    @Consumes(NDJSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "sendStockLines", summary = "Send the lines of a created upload",
            description = "One JSON object per line: {\"customer\":{\"type\":…,\"number\":…},\"otherDocuments\":[…]?,"
                    + "\"accountClass\":\"CLASS_II\",\"card\":\"DEBIT_CARD\",\"cardNumber\":\"…\",\"state\":\"ACTIVE|INACTIVE|CLOSED\","
                    + "\"agent\":{…}?}. Streamed in constant memory and applied in chunks under the person's locks and the "
                    + "card state machine; a line that would reopen a closed card, activate an agent-opened card, move a "
                    + "card to another customer or bank, relabel it or change a card opened through the API is rejected "
                    + "by number with its reason, the rest kept. GET the upload for progress while this runs. Send with "
                    + "the Idempotency-Key the upload was created with; lines are sent once per upload (409 after). A "
                    + "stream that sends nothing for the read timeout (60 s) is aborted. At most N uploads of a bank "
                    + "receive at once across replicas, and at most M of any banks on one replica (429 with Retry-After).")
    @APIResponse(responseCode = "200", description = "The upload, COMPLETED (or FAILED)",
            content = @Content(schema = @Schema(implementation = StockUploadView.class)))
    @APIResponse(responseCode = "429", description = "As many uploads of this bank, or of any banks on the replica that took the request, are receiving lines as allowed; see Retry-After")
    public RestResponse<StockUploadView> sendLines(@PathParam("id") UUID id,
                                                   @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                                   InputStream body) {
        Caller bank = caller.get();
        uploads.receive(bank, id, Idempotency.checkedKey(idempotencyKey), body);
        return RestResponse.ok(uploads.find(bank, id));
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getStockUpload", summary = "Progress of an upload of the calling bank",
            description = "Lines read, accepted and rejected while RECEIVING; the sizes of the work-list and of the "
                    + "missing cards once COMPLETED. Another bank's upload answers 404.")
    public StockUploadView find(@PathParam("id") UUID id) {
        return uploads.find(caller.get(), id);
    }

    @GET
    @Path("/{id}/rejections")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listStockRejections", summary = "Rejected lines, by line number, page by page",
            description = "Each with its line number and reason, never its content. Pass the page's `next` as `after`.")
    public StockPage<StockError> rejections(@PathParam("id") UUID id, @QueryParam("after") Long after,
                                            @QueryParam("limit") @DefaultValue("100") int limit) {
        return uploads.rejections(caller.get(), id, after, limit);
    }

    @GET
    @Path("/{id}/work-items")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listStockWorkItems", summary = "The work-list of a completed upload, page by page",
            description = "Every person of the bank over a limit (open cards and live holds), with the cards to contact "
                    + "them about. Pass the page's `next` as `after`.")
    public StockPage<StockUploadView.WorkItem> workItems(@PathParam("id") UUID id, @QueryParam("after") String after,
                                                         @QueryParam("limit") @DefaultValue("100") int limit) {
        return uploads.workItems(caller.get(), id, after, limit);
    }

    @GET
    @Path("/{id}/missing-cards")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listStockMissingCards", summary = "Open cards a full snapshot did not report, page by page",
            description = "For review by the bank; nothing is closed automatically. Pass the page's `next` as `after`.")
    public StockPage<StockUploadView.MissingCard> missingCards(@PathParam("id") UUID id, @QueryParam("after") UUID after,
                                                               @QueryParam("limit") @DefaultValue("100") int limit) {
        return uploads.missingCards(caller.get(), id, after, limit);
    }
}
