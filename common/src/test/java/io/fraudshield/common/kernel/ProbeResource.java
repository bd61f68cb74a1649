package io.fraudshield.common.kernel;

import io.fraudshield.common.audit.AuditEntry;
import io.fraudshield.common.audit.AuditTrail;
import io.fraudshield.common.caller.CurrentCaller;
import io.fraudshield.common.caller.Role;
import io.fraudshield.common.idempotency.Idempotency;
import io.fraudshield.common.identifier.PersonDocument;
import io.fraudshield.common.money.Money;
import io.fraudshield.common.pseudonym.Pseudonymizer;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import io.fraudshield.common.openapi.ContractFilter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A test-only state change that uses every kernel piece: strict JSON, validation, idempotency, audit. */
@Path("/test/probe-effects")
public class ProbeResource {

    public record ProbeRequest(@NotBlank @Size(max = 100) String label, @NotNull PersonDocument customer,
                               @NotNull Money amount) {
    }

    public record ProbeView(long id, String label, String customerRef, Money amount) {
    }

    private final Idempotency idempotency;
    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final Pseudonymizer pseudonymizer;
    private final AgroalDataSource dataSource;
    private final SecurityIdentity identity;

    public ProbeResource(Idempotency idempotency, CurrentCaller caller, AuditTrail audit, Pseudonymizer pseudonymizer,
                         AgroalDataSource dataSource, SecurityIdentity identity) {
        this.identity = identity;
        this.idempotency = idempotency;
        this.caller = caller;
        this.audit = audit;
        this.pseudonymizer = pseudonymizer;
        this.dataSource = dataSource;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.BANK_NAME)
    @Operation(operationId = "createProbeEffect")
    public RestResponse<ProbeView> create(@HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull ProbeRequest request) {
        return idempotency.once(caller.get(), key, request, ProbeView.class, () -> {
            ProbeView view = insert(request);
            audit.append(caller.get(), new AuditEntry("probe.created", "test", "probe", Long.toString(view.id()), null, view));
            return RestResponse.ResponseBuilder.<ProbeView>created(URI.create("/test/probe-effects/" + view.id())).entity(view).build();
        });
    }

    /** A streaming route: reads any length line by line, as bulk uploads do. */
    @POST
    @Path("/uploads")
    @Consumes("application/x-ndjson")
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed(Role.BANK_NAME)
    @Operation(operationId = "countProbeUploadBytes")
    @Extension(name = ContractFilter.READ_ONLY_EXTENSION, value = "true", parseValue = true)
    public String upload(InputStream body) throws IOException {
        long bytes = 0;
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = body.read(buffer)) > 0; ) {
            bytes += n;
        }
        return Long.toString(bytes);
    }

    /** What this request's security identity says about the request it was built for. */
    @GET
    @Path("/identity")
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed({Role.BANK_NAME, Role.AUDITOR_NAME})
    @Operation(operationId = "describeProbeIdentity")
    public String identity() {
        RoutingContext routing = identity.getAttribute(RoutingContext.class.getName());
        return routing == null ? "none" : routing.request().query();
    }

    /** The caller this request acts as. */
    @GET
    @Path("/caller")
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed({Role.BANK_NAME, Role.AUDITOR_NAME})
    @Operation(operationId = "describeProbeCaller")
    public String caller() {
        return caller.get().participant() + " " + caller.get().subject() + " " + caller.get().role();
    }

    private ProbeView insert(ProbeRequest request) {
        String customerRef = pseudonymizer.customerRef(request.customer());
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into probe_effect (label, customer_ref, amount) values (?, ?, ?) returning id")) {
            insert.setString(1, request.label());
            insert.setString(2, customerRef);
            insert.setBigDecimal(3, request.amount().amount());
            try (ResultSet result = insert.executeQuery()) {
                result.next();
                // slow enough that concurrent duplicates really overlap
                Thread.sleep(50);
                return new ProbeView(result.getLong(1), request.label(), customerRef, request.amount());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
