package io.fraudshield.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RenderedOverlaysTest {

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void every_document_is_a_typed_kubernetes_object_or_a_custom_resource_its_crd_accepts(Overlay overlay) {
        List<String> problems = new ArrayList<>();
        for (JsonNode document : overlay.render().all()) {
            if (TypedModels.modelOf(document).isPresent()) {
                problems.addAll(TypedModels.problems(document));
            } else if (CrdSchemas.covers(document)) {
                problems.addAll(CrdSchemas.problems(document));
            } else {
                problems.add(Manifests.idOf(document) + " (" + document.path("apiVersion").asText()
                        + "): neither a typed model nor a vendored CRD");
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void every_invariant_holds(Overlay overlay) {
        Manifests manifests = overlay.render();
        for (Invariant invariant : Invariants.ALL) {
            assertThat(invariant.violations(manifests)).as(invariant.getClass().getSimpleName()).isEmpty();
        }
    }

    @Test
    void production_backs_up_postgres_pins_its_image_by_digest_and_names_the_api_server() {
        Manifests production = Overlay.PRODUCTION.render();
        for (Invariant invariant : Invariants.PRODUCTION) {
            assertThat(invariant.violations(production)).as(invariant.getClass().getSimpleName()).isEmpty();
        }
        assertThat(production.ofKind("ScheduledBackup")).hasSize(3);
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void the_edge_is_a_mutual_tls_gateway_with_one_route_per_service_and_no_ingress(Overlay overlay) {
        Manifests manifests = overlay.render();
        assertThat(manifests.ofKind("Ingress")).isEmpty();
        JsonNode gateway = manifests.get("Gateway", "fraudshield");
        assertThat(gateway.path("metadata").path("namespace").asText()).isEqualTo(EdgeReachability.GATEWAY_NAMESPACE);
        assertThat(gateway.at("/spec/tls/frontend/default/validation/caCertificateRefs")).isNotEmpty();
        assertThat(gateway.at("/spec/listeners/0/protocol").asText()).isEqualTo("HTTPS");
        for (String service : Workloads.SERVICES) {
            JsonNode route = manifests.get("HTTPRoute", service);
            assertThat(route.at("/spec/parentRefs/0/name").asText()).isEqualTo("fraudshield");
            assertThat(route.at("/spec/parentRefs/0/namespace").asText()).isEqualTo(EdgeReachability.GATEWAY_NAMESPACE);
            assertThat(route.findValuesAsText("name")).contains(service);
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void every_active_key_id_has_its_key_in_an_external_secret(Overlay overlay) {
        Manifests manifests = overlay.render();
        DeclaredKeys declared = new DeclaredKeys(manifests);
        JsonNode shared = manifests.get("ConfigMap", "fraudshield-shared").path("data");
        String pseudonym = "FRAUDSHIELD_PSEUDONYM_KEYS_" + shared.path("PSEUDONYM_ACTIVE_KEY_ID").asText().toUpperCase();
        assertThat(declared.secret("fraudshield-pseudonym-keys")).hasValueSatisfying(keys -> assertThat(keys).contains(pseudonym));
        String audit = "FRAUDSHIELD_AUDIT_KEYS_" + shared.path("AUDIT_ACTIVE_KEY_ID").asText().toUpperCase();
        for (String service : Workloads.SERVICES) {
            assertThat(declared.secret("fraudshield-" + service + "-audit-keys"))
                    .hasValueSatisfying(keys -> assertThat(keys).contains(audit));
        }
        JsonNode stopPayment = manifests.get("Deployment", "stop-payment-service").at("/spec/template/spec/containers/0");
        String sealing = "STOPPAYMENT_SEALING_KEYS_"
                + EnvironmentOf.value(manifests, stopPayment, "SEALING_ACTIVE_KEY_ID").orElseThrow().toUpperCase();
        assertThat(declared.secret("stop-payment-sealing-keys")).hasValueSatisfying(keys -> assertThat(keys).contains(sealing));
    }

    @Test
    void production_keeps_three_postgres_instances_with_a_synchronous_standby_and_replicated_redis() {
        Manifests production = Overlay.PRODUCTION.render();
        assertThat(production.ofKind("Cluster")).hasSize(3).allSatisfy(cluster -> {
            assertThat(cluster.at("/spec/instances").asInt()).isEqualTo(3);
            assertThat(cluster.at("/spec/postgresql/synchronous/number").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(cluster.at("/spec/managed/roles/0/passwordSecret/name").asText()).endsWith("-runtime");
        });
        assertThat(production.ofKind("Pooler")).hasSize(3)
                .allSatisfy(pooler -> assertThat(pooler.at("/spec/instances").asInt()).isGreaterThanOrEqualTo(2));
        assertThat(production.ofKind("HorizontalPodAutoscaler"))
                .allSatisfy(hpa -> assertThat(hpa.at("/spec/minReplicas").asInt()).isGreaterThanOrEqualTo(2));
        assertThat(production.get("StatefulSet", "fraudshield-redis").at("/spec/replicas").asInt()).isEqualTo(3);
    }

    @Test
    void local_fits_one_node() {
        Manifests local = Overlay.LOCAL.render();
        assertThat(local.ofKind("Cluster")).allSatisfy(cluster -> {
            assertThat(cluster.at("/spec/instances").asInt()).isEqualTo(1);
            assertThat(cluster.at("/spec/postgresql/synchronous").isMissingNode()).isTrue();
        });
        assertThat(local.ofKind("HorizontalPodAutoscaler"))
                .allSatisfy(hpa -> assertThat(hpa.at("/spec/minReplicas").asInt()).isEqualTo(1));
        assertThat(local.ofKind("PodDisruptionBudget"))
                .allSatisfy(pdb -> assertThat(pdb.at("/spec/minAvailable").isMissingNode()).isTrue());
        assertThat(local.get("ConfigMap", "fraudshield-redis-client").at("/data/sentinels").asText())
                .doesNotContain(",");
    }
}
