package io.fraudshield.k8s;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every rule of every HTTPRoute removes the caller's W3C trace context (traceparent, tracestate) before the request
 * reaches a service: the services continue an incoming trace context, and a participant must not pick our trace ids
 * or sampling decisions.
 */
final class TraceContextDroppedAtEdge implements Invariant {

    static final Set<String> TRACE_HEADERS = Set.of("traceparent", "tracestate");

    @Override
    public List<String> violations(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        manifests.ofKind("HTTPRoute").forEach(route -> {
            int index = 0;
            for (JsonNode rule : route.path("spec").path("rules")) {
                Set<String> removed = new java.util.HashSet<>();
                for (JsonNode filter : rule.path("filters")) {
                    if (filter.path("type").asText().equals("RequestHeaderModifier")) {
                        filter.path("requestHeaderModifier").path("remove").forEach(h -> removed.add(h.asText().toLowerCase()));
                    }
                }
                if (!removed.containsAll(TRACE_HEADERS)) {
                    violations.add(Manifests.idOf(route) + " rule " + index + ": does not remove " + TRACE_HEADERS);
                }
                index++;
            }
        });
        return violations;
    }
}
