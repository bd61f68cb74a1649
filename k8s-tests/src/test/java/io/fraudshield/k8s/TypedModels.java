package io.fraudshield.k8s;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Built-in Kubernetes kinds read into fabric8's typed models. A misspelt or misplaced field must fail: Jackson's
 * FAIL_ON_UNKNOWN_PROPERTIES is on, and because fabric8 models keep unknown fields in an any-setter map
 * ({@code additionalProperties}) instead of refusing them, every object of the parsed tree is walked and a non-empty
 * map is an error too.
 */
final class TypedModels {

    private static final ObjectMapper STRICT = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private static final Map<String, Class<? extends KubernetesResource>> MODELS = Map.of(
            "v1/Namespace", Namespace.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "apps/v1/StatefulSet", StatefulSet.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class);

    private TypedModels() {
    }

    static Optional<Class<? extends KubernetesResource>> modelOf(JsonNode document) {
        return Optional.ofNullable(MODELS.get(document.path("apiVersion").asText() + "/" + document.path("kind").asText()));
    }

    /** Problems reading the document into its model: empty when it is a valid object of its kind. */
    static List<String> problems(JsonNode document) {
        Class<? extends KubernetesResource> model = modelOf(document)
                .orElseThrow(() -> new IllegalArgumentException("no typed model for " + Manifests.idOf(document)));
        List<String> problems = new ArrayList<>();
        try {
            Object parsed = STRICT.treeToValue(document, model);
            collectUnknownFields(parsed, Manifests.idOf(document), problems);
        } catch (Exception e) {
            problems.add(Manifests.idOf(document) + ": " + e.getMessage());
        }
        return problems;
    }

    private static void collectUnknownFields(Object value, String path, List<String> problems) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?>) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collectUnknownFields(item, path + "[" + i++ + "]", problems);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> collectUnknownFields(item, path + "." + key, problems));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object field = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (field instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + unknown.keySet());
                }
            } else {
                collectUnknownFields(field, path + "." + decapitalize(getter.getName().substring(3)), problems);
            }
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }

    private static String decapitalize(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
