package io.fraudshield.common.openapi;

import io.fraudshield.common.problem.ProblemType;
import org.eclipse.microprofile.openapi.OASFactory;
import io.fraudshield.common.problem.Problems;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The problem+json responses of one operation: every status it can produce, each listing the
 * {@link ProblemType}s of that status (read from the catalogue, so new types appear without touching this).
 */
final class ProblemResponses {

    /** What decides which failures an operation can answer. */
    record Shape(boolean bodyMethod, boolean hasBody, boolean secured, boolean write, boolean streaming) {
    }

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(400, "The request is not valid"),
            Map.entry(401, "No valid bearer token"),
            Map.entry(403, "The caller's role may not do this"),
            Map.entry(404, "No such resource, or it belongs to another participant"),
            Map.entry(405, "Method not allowed"),
            Map.entry(406, "Only application/json (and problem+json) can be returned"),
            Map.entry(409, "Conflicts with the current state, or the same Idempotency-Key is still being processed"),
            Map.entry(411, "A body of unknown length (chunked) is refused"),
            Map.entry(413, "The body is too large"),
            Map.entry(415, "The body has the wrong media type"),
            Map.entry(422, "The Idempotency-Key was used with a different request, or the request cannot be processed"),
            Map.entry(429, "Rate limit exceeded; Retry-After says when to retry"),
            Map.entry(500, "Unexpected error; the detail carries an incident id"),
            Map.entry(503, "Temporarily unavailable, or lost a race with a concurrent request; retry after Retry-After seconds"));

    private final Components components;

    ProblemResponses(Components components) {
        this.components = components;
        if (components.getResponses() == null) {
            components.setResponses(new LinkedHashMap<>());
        }
        if (components.getExamples() == null) {
            components.setExamples(new LinkedHashMap<>());
        }
    }

    void complete(Operation operation, Shape shape) {
        APIResponses responses = operation.getResponses();
        // 503: every operation reads or writes PostgreSQL, where a deadlock or serialization failure may
        // roll it back (ProblemMappers answers 503 with Retry-After: send it again)
        TreeSet<Integer> statuses = new TreeSet<>(List.of(400, 404, 500, 503));
        if (shape.secured()) {
            statuses.addAll(List.of(401, 403));
        }
        if (responses.getAPIResponses().entrySet().stream()
                .anyMatch(entry -> entry.getKey().startsWith("2") && entry.getValue().getContent() != null)) {
            statuses.add(406);
        }
        if (shape.bodyMethod()) {
            statuses.add(413);
            if (!shape.streaming()) {
                statuses.add(411);
            }
        }
        if (shape.hasBody()) {
            statuses.add(415);
        }
        if (shape.write()) {
            statuses.addAll(List.of(409, 422));
        }
        responses.getAPIResponses().keySet().stream()
                .filter(code -> code.matches("[45]\\d\\d")).map(Integer::valueOf).forEach(statuses::add);

        Map<String, APIResponse> ordered = new LinkedHashMap<>();
        responses.getAPIResponses().entrySet().stream().filter(entry -> entry.getKey().startsWith("2")
                        || entry.getKey().startsWith("3"))
                .sorted(Map.Entry.comparingByKey()).forEach(entry -> ordered.put(entry.getKey(), entry.getValue()));
        for (int status : statuses) {
            APIResponse declared = responses.getAPIResponse(Integer.toString(status));
            ordered.put(Integer.toString(status), isOwn(status, declared) ? inline(status, declared) : shared(status));
        }
        ordered.put(APIResponses.DEFAULT, shared(0));
        responses.setAPIResponses(ordered);
    }

    /** Described by the operation itself, not just the reason phrase SmallRye adds (a 400 "Bad Request"). */
    private static boolean isOwn(int status, APIResponse declared) {
        if (declared == null || declared.getDescription() == null) {
            return false;
        }
        Response.Status standard = Response.Status.fromStatusCode(status);
        return standard == null || !standard.getReasonPhrase().equals(declared.getDescription());
    }

    /** A response the operation describes itself (why it answers 409, say), with the shared problem content. */
    private APIResponse inline(int status, APIResponse declared) {
        declared.setDescription(declared.getDescription().replaceFirst("\\.$", "") + typeList(status));
        declared.setContent(content(status));
        return withRetryAfter(status, declared);
    }

    /** A 429 or 503 tells when to try again. */
    private static APIResponse withRetryAfter(int status, APIResponse response) {
        if (status == 503 || status == 429) {
            response.addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait before retrying")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(java.math.BigDecimal.ZERO)));
        }
        return response;
    }

    /** {@code $ref: '#/components/responses/Problem404'}, added to the components on first use. */
    private APIResponse shared(int status) {
        String name = status == 0 ? "Problem" : "Problem" + status;
        if (!components.getResponses().containsKey(name)) {
            String reason = status == 0 ? "Any other error" : REASONS.getOrDefault(status, "Error");
            components.addResponse(name, withRetryAfter(status, OASFactory.createAPIResponse()
                    .description(reason + typeList(status)).content(content(status))));
        }
        return OASFactory.createAPIResponse().ref(name);
    }

    private Content content(int status) {
        MediaType mediaType = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(ContractFilter.PROBLEM_SCHEMA));
        for (ProblemType type : typesOf(status)) {
            String name = slug(type);
            if (!components.getExamples().containsKey(name)) {
                Map<String, Object> value = new LinkedHashMap<>();
                value.put("type", type.uri());
                value.put("title", type.title());
                value.put("status", type.status());
                components.addExample(name, OASFactory.createExample().summary(type.title()).value(value));
            }
            mediaType.addExample(name, OASFactory.createExample().ref(name));
        }
        return OASFactory.createContent().addMediaType(Problems.MEDIA_TYPE, mediaType);
    }

    private static String typeList(int status) {
        List<ProblemType> types = typesOf(status);
        return types.isEmpty() ? "" : ". Problem types: " + types.stream().map(type -> "`" + type.uri() + "`")
                .collect(Collectors.joining(", "));
    }

    private static List<ProblemType> typesOf(int status) {
        return Arrays.stream(ProblemType.values()).filter(type -> type.status() == status)
                .sorted(Comparator.comparing(ProblemType::uri)).toList();
    }

    private static String slug(ProblemType type) {
        return type.uri().substring(ProblemType.BASE_URI.length());
    }

    /** The catalogue on the Problem schema itself: every type a caller can meet, and that the list grows. */
    void describeProblemSchema(Schema problem) {
        Schema type = problem.getProperties() == null ? null : problem.getProperties().get("type");
        if (type == null) {
            return;
        }
        type.setFormat("uri");
        type.setDescription("Identifies the kind of problem; branch on it. The catalogue (new types may be added, "
                + "so treat an unknown type by its status): " + Arrays.stream(ProblemType.values())
                .map(ProblemType::uri).sorted().collect(Collectors.joining(", ")));
    }
}
