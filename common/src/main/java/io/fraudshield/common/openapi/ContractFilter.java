package io.fraudshield.common.openapi;

import io.fraudshield.common.caller.CallerClaims;
import io.fraudshield.common.caller.Role;
import io.fraudshield.common.idempotency.Idempotency;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.info.Info;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Shapes every service's published contract the same way (registered as {@code mp.openapi.filter}):
 * problem+json responses for every status an operation can produce, a required {@code Idempotency-Key} on
 * writes with {@code Idempotent-Replayed} documented, {@code Location} on 201, the bearer scheme's claims,
 * contact, license and the compatibility policy. It refuses to produce a contract that generated clients
 * would get wrong: an operation without an explicit operationId, a 2xx body without a schema, or a POST
 * that is neither idempotent nor marked as a query ({@value #READ_ONLY_EXTENSION}). Spec generation, and
 * so the build, fails with the list of offenders.
 */
public class ContractFilter implements OASFilter {

    /** On a POST that changes nothing (a query carried in a body to keep identifiers out of URLs). */
    public static final String READ_ONLY_EXTENSION = "x-read-only";

    /** What the service does, in a sentence or two: the start of {@code info.description}. */
    public static final String DESCRIPTION_PROPERTY = "fraudshield.openapi.description";
    static final String PROBLEM_SCHEMA = "Problem";
    private static final Set<PathItem.HttpMethod> BODY_METHODS =
            EnumSet.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT, PathItem.HttpMethod.PATCH);

    private final Config config = ConfigProvider.getConfig();

    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        requireProblemSchema(openApi);
        List<String> violations = new ArrayList<>();
        ProblemResponses problems = new ProblemResponses(openApi.getComponents());
        // "POST /v1/stock-uploads": streamed bodies of any length, so no 411 (see BodySizeLimit)
        List<String> streamingRoutes = config.getOptionalValues("fraudshield.http.streaming-routes", String.class)
                .orElse(List.of());
        if (openApi.getPaths() != null) {
            openApi.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
                String name = method + " " + path;
                if (operation.getOperationId() == null || operation.getOperationId().isBlank()) {
                    violations.add(name + ": no operationId (annotate @Operation(operationId = ...))");
                }
                boolean write = takesIdempotencyKey(operation);
                if (BODY_METHODS.contains(method) && !write && !isReadOnly(operation)) {
                    violations.add(name + ": a write without an Idempotency-Key header parameter (or mark a query with @Extension(name = \""
                            + READ_ONLY_EXTENSION + "\", value = \"true\", parseValue = true))");
                }
                violations.addAll(untypedSuccessBodies(name, operation));
                if (operation.getResponses() == null) {
                    return;
                }
                if (write) {
                    requireIdempotencyKey(operation);
                }
                documentSuccessHeaders(operation, write);
                boolean streaming = streamingRoutes.contains(method + " " + path);
                problems.complete(operation, new ProblemResponses.Shape(BODY_METHODS.contains(method),
                        operation.getRequestBody() != null, isSecured(operation), write, streaming));
            }));
        }
        if (!violations.isEmpty()) {
            throw new IllegalStateException("The OpenAPI contract breaks the rules of common/openapi/ContractFilter:\n  "
                    + String.join("\n  ", violations));
        }
        problems.describeProblemSchema(openApi.getComponents().getSchemas().get(PROBLEM_SCHEMA));
        describeSecurity(openApi);
        describeInfo(openApi);
        UnusedSchemas.remove(openApi);
    }

    private static void requireProblemSchema(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null
                || !openApi.getComponents().getSchemas().containsKey(PROBLEM_SCHEMA)) {
            throw new IllegalStateException("components.schemas.Problem is missing: the audit verification endpoint "
                    + "should reference io.fraudshield.common.problem.Problem");
        }
    }

    private static boolean takesIdempotencyKey(Operation operation) {
        return idempotencyKey(operation).isPresent();
    }

    private static Optional<Parameter> idempotencyKey(Operation operation) {
        return Optional.ofNullable(operation.getParameters()).stream().flatMap(List::stream)
                .filter(parameter -> parameter.getIn() == Parameter.In.HEADER
                        && Idempotency.HEADER.equalsIgnoreCase(parameter.getName()))
                .findFirst();
    }

    private static boolean isReadOnly(Operation operation) {
        return operation.getExtensions() != null
                && Boolean.TRUE.equals(operation.getExtensions().get(READ_ONLY_EXTENSION));
    }

    private static boolean isSecured(Operation operation) {
        return operation.getSecurity() != null && !operation.getSecurity().isEmpty();
    }

    private static List<String> untypedSuccessBodies(String name, Operation operation) {
        List<String> violations = new ArrayList<>();
        if (operation.getResponses() == null) {
            return List.of(name + ": no responses");
        }
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("2") && response.getContent() != null) {
                response.getContent().getMediaTypes().forEach((mediaType, content) -> {
                    if (isUntyped(content.getSchema())) {
                        violations.add(name + ": " + status + " " + mediaType + " has no schema; return RestResponse<View>"
                                + " and annotate @APIResponse(content = @Content(schema = @Schema(implementation = View.class)))");
                    }
                });
            }
        });
        return violations;
    }

    private static boolean isUntyped(Schema schema) {
        return schema == null || (schema.getRef() == null && (schema.getType() == null || schema.getType().isEmpty())
                && schema.getAllOf() == null && schema.getOneOf() == null && schema.getAnyOf() == null);
    }

    private void requireIdempotencyKey(Operation operation) {
        Parameter key = idempotencyKey(operation).orElseThrow();
        key.setName(Idempotency.HEADER);
        key.setRequired(true);
        key.setDescription("Makes this write safe to retry: 1-255 visible ASCII characters, a new UUID per intended "
                + "change. Scoped to the caller (participant and subject) and kept " + retention() + ". The same key "
                + "with the same body answers the stored response (Idempotent-Replayed: true); with a different body "
                + "422; while the first request is still running 409.");
        key.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).minLength(1).maxLength(255)
                .pattern("^[\\x21-\\x7E]{1,255}$"));
        key.setExample("5f0c6a1e-2b7d-4c1e-9a57-3f1d2e8b9c40");
    }

    private String retention() {
        return "for " + config.getOptionalValue("fraudshield.idempotency.retention", String.class).orElse("P7D")
                + " (ISO-8601)";
    }

    private static void documentSuccessHeaders(Operation operation, boolean write) {
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if ("201".equals(status) && (response.getHeaders() == null || !response.getHeaders().containsKey("Location"))) {
                response.addHeader("Location", OASFactory.createHeader().required(true)
                        .description("The created resource")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri-reference")));
            }
            if (write && status.startsWith("2")) {
                response.addHeader(Idempotency.REPLAYED_HEADER, OASFactory.createHeader()
                        .description("`true` when this is the stored response to an earlier request with the same "
                                + "Idempotency-Key; absent on the first answer")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).addEnumeration("true")));
            }
        });
    }

    private void describeSecurity(OpenAPI openApi) {
        if (openApi.getComponents().getSecuritySchemes() == null) {
            return;
        }
        SecurityScheme bearer = openApi.getComponents().getSecuritySchemes().get("bearer");
        if (bearer == null) {
            return;
        }
        String roles = Arrays.stream(Role.values()).map(role -> "`" + role.group() + "`").collect(Collectors.joining(", "));
        String audience = audiences();
        bearer.setDescription("An RS256 JWT from the FraudShield identity provider, sent only as `Authorization: Bearer …` "
                + "(a token in the query string is refused). Checked on every call: signature, `iss`, `exp`, and `aud`, "
                + "which must contain this service's audience (" + audience + "): a token issued for another "
                + "FraudShield service is refused. `groups` holds exactly one role: " + roles + "; each operation admits only some roles "
                + "(403 otherwise). `" + CallerClaims.PARTICIPANT_CLAIM + "` holds the caller's institution or agency "
                + "code (3-14 upper-case letters and digits): every object read or written is checked against it, and "
                + "another participant's object answers 404.");
    }

    /** As configured for this service ({@code mp.jwt.verify.audiences}), so the contract names what is checked. */
    private String audiences() {
        try {
            return config.getOptionalValues("mp.jwt.verify.audiences", String.class)
                    .map(values -> values.stream().map(value -> "`" + value + "`").collect(Collectors.joining(" or ")))
                    .orElse("configured per deployment");
        } catch (RuntimeException unresolved) {
            return "configured per deployment"; // e.g. ${JWT_AUDIENCE} while the application is built
        }
    }

    private void describeInfo(OpenAPI openApi) {
        Info info = openApi.getInfo();
        if (info == null) {
            info = OASFactory.createInfo();
            openApi.setInfo(info);
        }
        info.setContact(OASFactory.createContact().name("FraudShield API support").email("api@fraudshield.io")
                .url("https://fraudshield.io/api"));
        info.setLicense(OASFactory.createLicense().name("FraudShield participant API terms")
                .url("https://fraudshield.io/api/terms"));
        // not quarkus.smallrye-openapi.info-description: SmallRye applies that after the filters, replacing this
        info.setDescription(config.getOptionalValue(DESCRIPTION_PROPERTY, String.class).map(text -> text + "\n\n")
                .orElse("") + COMPATIBILITY);
    }

    static final String COMPATIBILITY = """
            **Compatibility** (docs/api-compatibility.md in the FraudShield repository): within `/v1` this contract \
            only grows. New operations, new optional request fields, new response fields, new enum values in \
            responses, new problem types and new response headers may appear in any release: clients must ignore \
            response fields and headers they do not know, accept unknown enum values, and branch on a problem's \
            `type`, never on its `title` or `detail`. Removing or renaming anything, adding a required request \
            field, tightening a request rule, or changing a status code or a problem `type` is a breaking change \
            and only happens under `/v2`; a deprecated operation or field keeps working for at least 12 months \
            after it is marked `deprecated`.""";
}
