package io.fraudshield.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/** Builds {@code application/problem+json} responses: the one way every failure is answered. */
@ApplicationScoped
public class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private final ObjectMapper json;

    public Problems(ObjectMapper json) {
        this.json = json;
    }

    public Response response(ProblemType type, String detail, String instance) {
        return response(type, detail, instance, List.of(), Map.of());
    }

    public Response response(ProblemType type, String detail, String instance, List<FieldError> errors,
                             Map<String, String> headers) {
        Problem problem = new Problem(type.uri(), type.title(), type.status(), detail, instance, errors);
        Response.ResponseBuilder builder = Response.status(type.status()).type(MEDIA_TYPE).entity(json(problem));
        headers.forEach(builder::header);
        if (type == ProblemType.UNAUTHENTICATED) {
            builder.header("WWW-Authenticate", "Bearer");
        }
        return builder.build();
    }

    /** The body alone, for the few answers given before a request reaches REST (see {@code BodySizeLimit}). */
    public String json(ProblemType type, String detail, String instance) {
        return json(new Problem(type.uri(), type.title(), type.status(), detail, instance, List.of()));
    }

    private String json(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write problem details", e);
        }
    }
}
