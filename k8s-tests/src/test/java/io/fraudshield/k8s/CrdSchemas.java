package io.fraudshield.k8s;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Custom resources checked against the OpenAPI schemas their projects publish in their CRDs, vendored under
 * src/test/resources/crds with each project's licence (crds/README.md names the versions). Like the API server's
 * structural pruning, but stricter: an object schema that lists its properties and does not preserve unknown fields
 * gets {@code additionalProperties: false}, so a misspelt field fails here instead of being dropped on apply.
 */
final class CrdSchemas {

    static final List<String> VENDORED = List.of(
            "crds/cloudnative-pg/clusters.yaml",
            "crds/cloudnative-pg/poolers.yaml",
            "crds/cloudnative-pg/scheduledbackups.yaml",
            "crds/gateway-api/gatewayclasses.yaml",
            "crds/gateway-api/gateways.yaml",
            "crds/gateway-api/httproutes.yaml",
            "crds/external-secrets/externalsecrets.yaml",
            "crds/prometheus-operator/podmonitors.yaml",
            "crds/prometheus-operator/prometheusrules.yaml");

    private static final Map<String, Schema> SCHEMAS = load();

    private CrdSchemas() {
    }

    static boolean covers(JsonNode document) {
        return SCHEMAS.containsKey(keyOf(document));
    }

    /** Schema violations of the document: empty when its CRD accepts it. */
    static List<String> problems(JsonNode document) {
        Schema schema = Optional.ofNullable(SCHEMAS.get(keyOf(document)))
                .orElseThrow(() -> new IllegalArgumentException("no vendored CRD for " + keyOf(document)));
        try {
            List<Error> errors = schema.validate(Manifests.JSON.writeValueAsString(document), InputFormat.JSON);
            return errors.stream().map(error -> Manifests.idOf(document) + ": " + error).toList();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String keyOf(JsonNode document) {
        return document.path("apiVersion").asText() + "/" + document.path("kind").asText();
    }

    private static Map<String, Schema> load() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
        Map<String, Schema> schemas = new HashMap<>();
        for (String resource : VENDORED) {
            JsonNode crd = read(resource);
            String group = crd.path("spec").path("group").asText();
            String kind = crd.path("spec").path("names").path("kind").asText();
            for (JsonNode version : crd.path("spec").path("versions")) {
                if (!version.path("served").asBoolean()) {
                    continue;
                }
                JsonNode openApi = version.path("schema").path("openAPIV3Schema").deepCopy();
                closeObjects(openApi);
                try {
                    schemas.put(group + "/" + version.path("name").asText() + "/" + kind,
                            registry.getSchema(Manifests.JSON.writeValueAsString(openApi), InputFormat.JSON));
                } catch (JsonProcessingException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return schemas;
    }

    /** additionalProperties: false wherever the schema lists the properties and does not keep unknown ones. */
    private static void closeObjects(JsonNode schema) {
        if (schema instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
                object.put("additionalProperties", false);
            }
            object.forEach(CrdSchemas::closeObjects);
        } else if (schema instanceof ArrayNode array) {
            array.forEach(CrdSchemas::closeObjects);
        }
    }

    private static JsonNode read(String resource) {
        try (InputStream in = CrdSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing vendored CRD " + resource);
            }
            return Manifests.YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
