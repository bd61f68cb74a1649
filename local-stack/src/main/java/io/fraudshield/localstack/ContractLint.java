package io.fraudshield.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules a published contract must keep so integrators can generate clients from it: every operation
 * has an operationId; 2xx bodies are typed (no {@code schema: {}}); 201 sends Location; 4xx answers are
 * problem+json; every write (a POST, PUT or PATCH not marked {@code x-read-only}) takes a required
 * Idempotency-Key. Reads the YAML as published, so it checks what clients see, not what the code meant.
 */
public final class ContractLint {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Set<String> WRITES = Set.of("post", "put", "patch");

    private ContractLint() {
    }

    public static List<String> violations(String yaml) throws IOException {
        return violations(new ObjectMapper(new YAMLFactory()).readTree(yaml));
    }

    public static List<String> violations(JsonNode spec) {
        List<String> violations = new ArrayList<>();
        Set<String> operationIds = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    check(spec, op.getKey().toUpperCase() + " " + path.getKey(), op.getKey(), op.getValue(),
                            operationIds, violations);
                }
            }
        }
        return violations;
    }

    private static void check(JsonNode spec, String name, String method, JsonNode op, Set<String> operationIds,
                              List<String> violations) {
        String operationId = op.path("operationId").asText("");
        if (operationId.isBlank()) {
            violations.add(name + ": no operationId");
        } else if (!operationIds.add(operationId)) {
            violations.add(name + ": operationId " + operationId + " is used twice");
        }
        boolean anyClientError = false;
        for (Iterator<Map.Entry<String, JsonNode>> responses = op.path("responses").fields(); responses.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = responses.next();
            String status = entry.getKey();
            JsonNode response = resolve(spec, entry.getValue());
            if ((status.equals("429") || status.equals("503")) && response.path("headers").path("Retry-After").isMissingNode()) {
                violations.add(name + ": " + status + " documents no Retry-After header");
            }
            if (status.startsWith("2")) {
                checkSuccess(name, status, response, violations);
            } else if (status.startsWith("4")) {
                anyClientError = true;
                JsonNode schema = response.path("content").path("application/problem+json").path("schema");
                if (!schema.path("$ref").asText().endsWith("/Problem")) {
                    violations.add(name + ": " + status + " is not application/problem+json with the Problem schema");
                }
            }
        }
        if (!anyClientError) {
            violations.add(name + ": documents no 4xx problem response");
        }
        JsonNode key = idempotencyKey(op);
        boolean readOnly = op.path("x-read-only").asBoolean(false);
        if (WRITES.contains(method) && !readOnly && key == null) {
            violations.add(name + ": a write without an Idempotency-Key header (or x-read-only: true for a query)");
        }
        if (key != null && !key.path("required").asBoolean(false)) {
            violations.add(name + ": Idempotency-Key is not required");
        }
    }

    private static void checkSuccess(String name, String status, JsonNode response, List<String> violations) {
        if ("204".equals(status)) {
            return;
        }
        JsonNode content = response.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            violations.add(name + ": " + status + " has no typed body");
        }
        for (Iterator<Map.Entry<String, JsonNode>> media = content.fields(); media.hasNext(); ) {
            Map.Entry<String, JsonNode> type = media.next();
            JsonNode schema = type.getValue().path("schema");
            if (!schema.has("$ref") && !schema.has("type")) {
                violations.add(name + ": " + status + " " + type.getKey() + " has an untyped schema");
            }
        }
        if ("201".equals(status) && !response.path("headers").has("Location")) {
            violations.add(name + ": 201 documents no Location header");
        }
    }

    private static JsonNode idempotencyKey(JsonNode op) {
        for (JsonNode parameter : op.path("parameters")) {
            if ("header".equals(parameter.path("in").asText())
                    && "Idempotency-Key".equalsIgnoreCase(parameter.path("name").asText())) {
                return parameter;
            }
        }
        return null;
    }

    private static JsonNode resolve(JsonNode spec, JsonNode node) {
        String ref = node.path("$ref").asText("");
        if (ref.startsWith("#/")) {
            JsonNode target = spec;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part);
            }
            return target;
        }
        return node;
    }
}
