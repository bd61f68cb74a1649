package io.fraudshield.common.problem;

/**
 * Every kind of failure a caller can get, each with a stable {@code type} URI (RFC 9457).
 * Callers branch on {@link #uri()}, never on {@code title} or {@code detail}. docs/problems.md lists them.
 */
public enum ProblemType {

    VALIDATION(400, "validation", "The request is not valid"),
    MALFORMED_JSON(400, "malformed-json", "The request body is not well-formed JSON"),
    UNKNOWN_FIELD(400, "unknown-field", "The request body has a field this API does not define"),
    INVALID_CHARACTERS(400, "invalid-characters", "The request contains control, bidirectional or invisible characters"),
    NON_CANONICAL_PATH(400, "non-canonical-path", "The request path is not written in canonical form"),
    IDEMPOTENCY_KEY_MISSING(400, "idempotency-key-missing", "This request needs an Idempotency-Key header"),
    UNAUTHENTICATED(401, "unauthenticated", "A valid bearer token is required"),
    FORBIDDEN(403, "forbidden", "Your role may not do this"),
    NOT_FOUND(404, "not-found", "No such resource"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "This method is not allowed here"),
    NOT_ACCEPTABLE(406, "not-acceptable", "No acceptable representation"),
    CONFLICT(409, "conflict", "The request conflicts with the current state"),
    DUPLICATE(409, "duplicate", "A resource with the same identity already exists"),
    ORDER_LIMIT_REACHED(409, "order-limit-reached", "A rule limits how many such orders may exist"),
    ORDER_EXPIRED(409, "order-expired", "The order this request quotes has already ended"),
    IDEMPOTENCY_IN_FLIGHT(409, "idempotency-in-flight", "A request with this Idempotency-Key is still being processed"),
    LENGTH_REQUIRED(411, "length-required", "Send the body with a Content-Length header"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "The request body must be application/json"),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused", "This Idempotency-Key was used with a different request"),
    UNPROCESSABLE(422, "unprocessable", "The request is well-formed but cannot be processed"),
    AUDIT_CHECKPOINT_INVALID(422, "audit-checkpoint-invalid", "The checkpoint is not signed with this service's audit key"),
    TOO_MANY_REQUESTS(429, "too-many-requests", "Rate limit exceeded"),
    INTERNAL(500, "internal", "Internal error"),
    UNAVAILABLE(503, "unavailable", "Temporarily unavailable");

    public static final String BASE_URI = "https://fraudshield.io/problems/";

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String uri() {
        return BASE_URI + slug;
    }

    public String title() {
        return title;
    }

    /** The generic type for a bare HTTP status raised by the framework (404 on an unknown path, 405, ...). */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 411 -> LENGTH_REQUIRED;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> UNPROCESSABLE;
            case 429 -> TOO_MANY_REQUESTS;
            case 503 -> UNAVAILABLE;
            default -> status >= 500 ? INTERNAL : VALIDATION;
        };
    }
}
