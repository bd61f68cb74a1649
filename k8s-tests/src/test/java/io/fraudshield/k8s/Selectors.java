package io.fraudshield.k8s;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;

/** Kubernetes label selectors (matchLabels, matchExpressions) applied to a pod's labels. */
final class Selectors {

    private Selectors() {
    }

    /** @param emptySelectsAll true for NetworkPolicy podSelector, false for a PDB, where empty selects nothing useful */
    static boolean matches(JsonNode selector, JsonNode labels, boolean emptySelectsAll) {
        JsonNode matchLabels = selector.path("matchLabels");
        JsonNode expressions = selector.path("matchExpressions");
        if (matchLabels.isEmpty() && expressions.isEmpty()) {
            return emptySelectsAll;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = matchLabels.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> label = it.next();
            if (!label.getValue().asText().equals(labels.path(label.getKey()).asText(null))) {
                return false;
            }
        }
        for (JsonNode expression : expressions) {
            JsonNode value = labels.path(expression.path("key").asText());
            boolean present = !value.isMissingNode();
            boolean listed = false;
            for (JsonNode candidate : expression.path("values")) {
                listed |= present && candidate.asText().equals(value.asText());
            }
            boolean ok = switch (expression.path("operator").asText()) {
                case "In" -> listed;
                case "NotIn" -> !listed;
                case "Exists" -> present;
                case "DoesNotExist" -> !present;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
