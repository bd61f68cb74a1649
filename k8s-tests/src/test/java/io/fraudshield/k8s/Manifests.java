package io.fraudshield.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The documents of one rendered overlay, as JSON trees (easy to tamper with in the negative tests). */
final class Manifests {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();

    private final List<ObjectNode> documents;

    private Manifests(List<ObjectNode> documents) {
        this.documents = documents;
    }

    static Manifests parse(String yaml) {
        List<ObjectNode> documents = new ArrayList<>();
        try (var values = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            while (values.hasNext()) {
                JsonNode document = values.next();
                if (document instanceof ObjectNode object && !object.isEmpty()) {
                    documents.add(object);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Manifests(documents);
    }

    Manifests copy() {
        return new Manifests(new ArrayList<>(documents.stream().map(ObjectNode::deepCopy).toList()));
    }

    List<ObjectNode> all() {
        return documents;
    }

    Stream<ObjectNode> ofKind(String kind) {
        return documents.stream().filter(document -> kind.equals(document.path("kind").asText()));
    }

    Optional<ObjectNode> find(String kind, String name) {
        return ofKind(kind).filter(document -> name.equals(nameOf(document))).findFirst();
    }

    ObjectNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    void remove(String kind, String name) {
        documents.remove(get(kind, name));
    }

    static String nameOf(JsonNode document) {
        return document.path("metadata").path("name").asText();
    }

    static String idOf(JsonNode document) {
        return document.path("kind").asText() + "/" + nameOf(document);
    }
}
