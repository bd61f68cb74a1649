package io.fraudshield.accountrisk.feed;

import io.fraudshield.common.caller.CurrentCaller;
import io.fraudshield.common.caller.Role;
import io.fraudshield.common.problem.ProblemException;
import io.fraudshield.common.problem.ProblemType;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Set;

/**
 * The change feed is the contract of card-limit-service's restriction mirror, not a participant API: only a service
 * token of a participant in {@code accountrisk.feed.readers} reads it (banks and platforms ask about accounts
 * through the status queries, which apply their own access rules).
 */
@Path("/v1/marker-events")
@Tag(name = "Change feed", description = "Every change of a marker or restriction, numbered without gaps, for card-limit-service's mirror")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Role.SERVICE_NAME)
public class MarkerEventResource {

    private static final int MAX_LIMIT = 1000;

    private final ChangeFeed feed;
    private final CurrentCaller caller;
    private final Set<String> readers;

    public MarkerEventResource(ChangeFeed feed, CurrentCaller caller,
                               @ConfigProperty(name = "accountrisk.feed.readers") Set<String> readers) {
        this.feed = feed;
        this.caller = caller;
        this.readers = readers;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listMarkerEvents", summary = "Changes after a cursor",
            description = "Ordered and gap-free even under concurrent writers: a change numbered N is visible only once every change before it is. "
                    + "head is read in the same snapshot as the page: next == head means every committed change has been served. "
                    + "Service tokens of the configured readers only (card-limit-service).")
    public MarkerEventPage after(@QueryParam("after") Long after, @QueryParam("limit") Integer limit) {
        if (!readers.contains(caller.get().participant().value())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "This service may not read the change feed");
        }
        long from = after == null ? 0 : after;
        int size = limit == null ? 100 : limit;
        if (from < 0) {
            throw ProblemException.invalidField("after", "must be 0 or a seq from an earlier page");
        }
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.invalidField("limit", "must be 1 to " + MAX_LIMIT);
        }
        return feed.page(from, size);
    }
}
