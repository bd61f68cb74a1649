package io.fraudshield.accountrisk.restriction;

import io.fraudshield.accountrisk.Examples;
import io.fraudshield.accountrisk.marker.CustomerRefs;
import io.fraudshield.common.caller.CurrentCaller;
import io.fraudshield.common.caller.Role;
import io.fraudshield.common.idempotency.Idempotency;
import io.fraudshield.common.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;
import java.util.regex.Pattern;

@Path("/v1")
@Tag(name = "Person restrictions", description = "Joint punishment: listings by police, status for banks and platforms")
@SecurityRequirement(name = "bearer")
public class RestrictionResource {

    private static final Pattern CUSTOMER_REF = Pattern.compile(CustomerRefs.FORM);

    private final RestrictionService restrictions;
    private final Idempotency idempotency;
    private final CurrentCaller caller;

    public RestrictionResource(RestrictionService restrictions, Idempotency idempotency, CurrentCaller caller) {
        this.restrictions = restrictions;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Path("/restriction-listings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.POLICE_NAME)
    @Operation(operationId = "listPerson", summary = "List a person", description = "Police at city level or above (a provincial agency for listings"
            + " below the thresholds). The configured profile sets the dates; listed again while punished, the clock"
            + " restarts within the profile's cap.")
    @APIResponse(responseCode = "201", description = "Listed", content = @Content(schema = @Schema(implementation = RestrictionView.class)))
    public RestResponse<RestrictionView> list(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                         @RequestBody(content = @Content(examples = @ExampleObject(name = "certified",
                                 value = Examples.PERSON_RESTRICTION))) @Valid @NotNull RestrictionRequest request) {
        return idempotency.once(caller.get(), idempotencyKey, request, RestrictionView.class, () -> {
            RestrictionView view = restrictions.list(caller.get(), request);
            return RestResponse.ResponseBuilder.<RestrictionView>created(URI.create("/v1/restriction-listings/" + view.id()))
                    .entity(view).build();
        });
    }

    @GET
    @Path("/restriction-listings/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.POLICE_NAME, Role.REGULATOR_NAME})
    @Operation(operationId = "getListing", summary = "A listing with its written notice", description = "For the listing agency and regulators; 404 for anyone else.")
    public RestrictionView find(@PathParam("id") UUID id) {
        return restrictions.find(caller.get(), id);
    }

    @GET
    @Path("/person-restrictions/{customerRef}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.BANK_NAME, Role.PAYMENT_INSTITUTION_NAME, Role.POLICE_NAME, Role.REGULATOR_NAME, Role.SERVICE_NAME})
    @Operation(operationId = "getPersonRestriction", summary = "Is this person restricted today?", description = "An unknown or no longer restricted person is"
            + " 200 with restricted false (docs/card-limit.md): a 404 would send every opening to review.")
    @APIResponse(responseCode = "200", description = "The person's status", content = @Content(schema = @Schema(implementation = PersonRestrictionStatus.class)))
    public PersonRestrictionStatus status(@PathParam("customerRef") String customerRef) {
        caller.get();
        if (!CUSTOMER_REF.matcher(customerRef).matches()) {
            throw ProblemException.invalidField("customerRef", "must be a customerRef (key id, dot, 43 base64url characters)");
        }
        return restrictions.status(customerRef);
    }
}
