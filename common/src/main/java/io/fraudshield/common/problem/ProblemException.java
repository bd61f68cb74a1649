package io.fraudshield.common.problem;

import java.util.List;
import java.util.Map;

/** Thrown anywhere to answer with a problem; {@link ProblemMappers} turns it into the response. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<FieldError> errors;
    private final Map<String, String> headers;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of(), Map.of());
    }

    public ProblemException(ProblemType type, String detail, List<FieldError> errors, Map<String, String> headers) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION, "The field " + field + " is not valid",
                List.of(new FieldError(field, message)), Map.of());
    }

    /** A 429 or 503 that tells the caller when to send the request again ({@code Retry-After}, in seconds). */
    public static ProblemException retryAfter(ProblemType type, String detail, long seconds) {
        return new ProblemException(type, detail, List.of(), Map.of("Retry-After", Long.toString(seconds)));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " not found");
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
