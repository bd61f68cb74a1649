package io.fraudshield.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.fraudshield.common.identifier.InvalidIdentifierException;
import io.fraudshield.common.money.InvalidAmountException;
import io.fraudshield.common.tracing.ServerErrorSpans;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Maps every exception a request can raise to a problem. Details never carry stack traces, class names,
 * SQL, or the rejected values (they may be personal data).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final Problems problems;

    public ProblemMappers(Problems problems) {
        this.problems = problems;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return ServerErrorSpans.answer(e, problems.response(e.type(), e.getMessage(), path(uri), e.errors(), e.headers()));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(violation -> new FieldError(fieldPath(violation), violation.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return problems.response(ProblemType.VALIDATION, errors.size() + " field(s) not valid", path(uri), errors, Map.of());
    }

    @ServerExceptionMapper
    public Response invalidIdentifier(InvalidIdentifierException e, UriInfo uri) {
        return problems.response(ProblemType.VALIDATION, e.getMessage(), path(uri));
    }

    @ServerExceptionMapper
    public Response invalidAmount(InvalidAmountException e, UriInfo uri) {
        return problems.response(ProblemType.VALIDATION, e.getMessage(), path(uri));
    }

    @ServerExceptionMapper({StreamReadException.class, JsonProcessingException.class})
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr();
        return problems.response(ProblemType.MALFORMED_JSON, "The body could not be parsed" + where, path(uri));
    }

    @ServerExceptionMapper({JsonMappingException.class, MismatchedInputException.class, UnrecognizedPropertyException.class})
    public Response unmappableJson(JsonMappingException e, UriInfo uri) {
        String field = JsonPaths.of(e);
        if (e instanceof UnrecognizedPropertyException unknown) {
            return problems.response(ProblemType.UNKNOWN_FIELD, "Unknown field " + field, path(uri),
                    List.of(new FieldError(field, "not defined by this API; known fields: " + unknown.getKnownPropertyIds())),
                    Map.of());
        }
        Throwable cause = rootCause(e);
        if (cause instanceof ControlCharacterException) {
            return problems.response(ProblemType.INVALID_CHARACTERS, cause.getMessage(), path(uri),
                    List.of(new FieldError(field, cause.getMessage())), Map.of());
        }
        if (cause instanceof InvalidIdentifierException || cause instanceof InvalidAmountException) {
            return problems.response(ProblemType.VALIDATION, "The field " + field + " is not valid", path(uri),
                    List.of(new FieldError(field, cause.getMessage())), Map.of());
        }
        if (e.getPath().isEmpty()) {
            return problems.response(ProblemType.MALFORMED_JSON, "The body is not the JSON object this API expects",
                    path(uri));
        }
        return problems.response(ProblemType.VALIDATION, "The field " + field + " has the wrong type or format",
                path(uri), List.of(new FieldError(field, "wrong type or format")), Map.of());
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class,
            AuthenticationCompletionException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return problems.response(ProblemType.UNAUTHENTICATED,
                "Send a valid, unexpired bearer token in the Authorization header", path(uri));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problems.response(ProblemType.FORBIDDEN, "Your role may not call this operation", path(uri));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonMappingException mapping) {
            return unmappableJson(mapping, uri);
        }
        if (e.getCause() instanceof JsonProcessingException parsing) {
            return unreadableJson(parsing, uri);
        }
        int status = e.getResponse().getStatus();
        ProblemType type = ProblemType.forStatus(status);
        if (status >= 500) {
            return unexpected(e, uri);
        }
        return problems.response(type, type.title(), path(uri));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        return ServerErrorSpans.answer(e, unexpectedResponse(e, uri));
    }

    private Response unexpectedResponse(Throwable e, UriInfo uri) {
        Optional<ProblemType> conflict = DatabaseConflict.of(e);
        if (conflict.filter(ProblemType.DUPLICATE::equals).isPresent()) {
            return problems.response(ProblemType.DUPLICATE,
                    "Another request registered the same identity first; read the current state before retrying",
                    path(uri));
        }
        if (conflict.isPresent()) {
            return problems.response(ProblemType.UNAVAILABLE,
                    "A concurrent request on the same records won; send this request again (with the same Idempotency-Key)",
                    path(uri), List.of(), Map.of("Retry-After", "1"));
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "incident %s: unexpected failure on %s", incident, path(uri));
        return problems.response(ProblemType.INTERNAL, "Unexpected error; quote incident " + incident, path(uri));
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** {@code submit.request.customer.number} → {@code customer.number}: only the path inside the body. */
    static String fieldPath(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                field.setLength(0);
                continue;
            }
            if (node.isInIterable()) {
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                field.append(field.length() > 0 ? "." : "").append(node.getName());
            }
        }
        if (field.length() == 0) {
            return parameter != null ? parameter : "body";
        }
        return field.toString();
    }
}
