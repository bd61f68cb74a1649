package io.fraudshield.common.openapi;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.LinkedList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Removes component schemas no operation reaches (the kernel's value types, such as Money, are annotated
 * for every service but used by few): a generated client should not carry types its API never sends.
 */
final class UnusedSchemas {

    private static final String PREFIX = "#/components/schemas/";

    private UnusedSchemas() {
    }

    static void remove(OpenAPI openApi) {
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        Deque<Schema> pending = new LinkedList<>(); // takes nulls: absent parts are skipped below
        if (openApi.getPaths() != null) {
            openApi.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
                Optional.ofNullable(operation.getParameters()).stream().flatMap(List::stream)
                        .forEach(parameter -> pending.add(parameter.getSchema()));
                if (operation.getRequestBody() != null) {
                    addContent(pending, operation.getRequestBody().getContent());
                }
                if (operation.getResponses() != null) {
                    operation.getResponses().getAPIResponses().values().forEach(response -> addResponse(pending, response));
                }
            }));
        }
        Optional.ofNullable(openApi.getComponents().getResponses()).map(Map::values).stream().flatMap(java.util.Collection::stream)
                .forEach(response -> addResponse(pending, response));
        Set<String> used = new HashSet<>();
        while (!pending.isEmpty()) {
            Schema schema = pending.pop();
            if (schema == null) {
                continue;
            }
            if (schema.getRef() != null && schema.getRef().startsWith(PREFIX)) {
                String name = schema.getRef().substring(PREFIX.length());
                if (used.add(name) && schemas.containsKey(name)) {
                    pending.add(schemas.get(name));
                }
            }
            Stream.of(Optional.ofNullable(schema.getProperties()).map(Map::values).orElse(List.of()),
                            Optional.ofNullable(schema.getAllOf()).orElse(List.of()),
                            Optional.ofNullable(schema.getAnyOf()).orElse(List.of()),
                            Optional.ofNullable(schema.getOneOf()).orElse(List.of()))
                    .flatMap(java.util.Collection::stream).forEach(pending::add);
            pending.add(schema.getItems());
            pending.add(schema.getAdditionalPropertiesSchema());
            pending.add(schema.getNot());
        }
        schemas.keySet().stream().filter(name -> !used.contains(name)).toList()
                .forEach(openApi.getComponents()::removeSchema);
    }

    private static void addResponse(Deque<Schema> pending, APIResponse response) {
        addContent(pending, response.getContent());
        if (response.getHeaders() != null) {
            response.getHeaders().values().forEach(header -> pending.add(header.getSchema()));
        }
    }

    private static void addContent(Deque<Schema> pending, Content content) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(mediaType -> pending.add(mediaType.getSchema()));
        }
    }
}
