package io.fraudshield.accountrisk.feed;

import io.fraudshield.common.caller.Role;
import io.fraudshield.common.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/marker-events")
@Tag(name = "Change feed", description = "Every change of a marker or restriction, numbered without gaps, to mirror the list")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Role.BANK_NAME, Role.PAYMENT_INSTITUTION_NAME, Role.POLICE_NAME, Role.REGULATOR_NAME, Role.SERVICE_NAME})
public class MarkerEventResource {

    private static final int MAX_LIMIT = 1000;

    private final ChangeFeed feed;

    public MarkerEventResource(ChangeFeed feed) {
        this.feed = feed;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listMarkerEvents", summary = "Changes after a cursor",
            description = "Ordered and gap-free even under concurrent writers: a change numbered N is visible only once every change before it is.")
    public MarkerEventPage after(@QueryParam("after") Long after, @QueryParam("limit") Integer limit) {
        long from = after == null ? 0 : after;
        int size = limit == null ? 100 : limit;
        if (from < 0) {
            throw ProblemException.invalidField("after", "must be 0 or a seq from an earlier page");
        }
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.invalidField("limit", "must be 1 to " + MAX_LIMIT);
        }
        var events = feed.after(from, size);
        long next = events.isEmpty() ? from : events.get(events.size() - 1).seq();
        return new MarkerEventPage(events, next, feed.head());
    }
}
