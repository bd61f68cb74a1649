package io.fraudshield.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each check fails on a manifest broken the way it guards against (one tampered production document per test). */
class TamperedManifestsTest {

    private final Manifests production = Overlay.PRODUCTION.render();

    private ObjectNode at(String kind, String name, String pointer) {
        return (ObjectNode) production.get(kind, name).at(pointer);
    }

    private ObjectNode cardLimitContainer() {
        return at("Deployment", "card-limit-service", "/spec/template/spec/containers/0");
    }

    private static List<String> violations(Invariant invariant, Manifests manifests) {
        return invariant.violations(manifests);
    }

    @Test
    void a_missing_kubectl_fails_with_what_to_install() {
        assertThatThrownBy(() -> Kustomize.render("kubectl-not-installed-here", Overlay.LOCAL.path()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("kubectl is not on the PATH");
    }

    @Test
    void a_misspelt_field_of_a_built_in_kind_fails_typed_parsing() {
        cardLimitContainer().put("imagePullPolice", "Always");
        assertThat(TypedModels.problems(production.get("Deployment", "card-limit-service")))
                .anySatisfy(problem -> assertThat(problem).contains("imagePullPolice"));
    }

    @Test
    void a_wrongly_typed_field_of_a_built_in_kind_fails_typed_parsing() {
        at("HorizontalPodAutoscaler", "card-limit-service", "/spec").put("minReplicas", "two");
        assertThat(TypedModels.problems(production.get("HorizontalPodAutoscaler", "card-limit-service"))).isNotEmpty();
    }

    @Test
    void a_misspelt_field_of_a_cloudnative_pg_cluster_fails_its_crd_schema() {
        ObjectNode postgresql = at("Cluster", "fraudshield-cardlimit", "/spec/postgresql");
        postgresql.set("synchronus", postgresql.remove("synchronous"));
        assertThat(CrdSchemas.problems(production.get("Cluster", "fraudshield-cardlimit")))
                .anySatisfy(problem -> assertThat(problem).contains("synchronus"));
    }

    @Test
    void a_pooler_mode_the_crd_does_not_know_fails_its_schema() {
        at("Pooler", "fraudshield-cardlimit-pooler", "/spec/pgbouncer").put("poolMode", "statement-ish");
        assertThat(CrdSchemas.problems(production.get("Pooler", "fraudshield-cardlimit-pooler"))).isNotEmpty();
    }

    @Test
    void client_certificate_validation_under_a_field_name_the_gateway_api_does_not_have_fails() {
        ObjectNode tls = at("Gateway", "fraudshield", "/spec/tls");
        tls.set("frontendValidation", tls.remove("frontend"));
        assertThat(CrdSchemas.problems(production.get("Gateway", "fraudshield")))
                .anySatisfy(problem -> assertThat(problem).contains("frontendValidation"));
    }

    @Test
    void an_external_secret_with_a_value_instead_of_a_remote_ref_fails_its_schema() {
        ObjectNode entry = at("ExternalSecret", "fraudshield-pseudonym-keys", "/spec/data/0");
        entry.put("value", "c2VjcmV0");
        assertThat(CrdSchemas.problems(production.get("ExternalSecret", "fraudshield-pseudonym-keys"))).isNotEmpty();
    }

    @Test
    void a_pod_monitor_on_a_misspelt_field_and_an_alert_without_expr_fail_their_schemas() {
        at("PodMonitor", "fraudshield-services", "/spec/podMetricsEndpoints/0").put("paths", "/q/metrics");
        ((ObjectNode) production.get("PrometheusRule", "fraudshield-alerts").at("/spec/groups/0/rules/0")).remove("expr");
        assertThat(CrdSchemas.problems(production.get("PodMonitor", "fraudshield-services"))).isNotEmpty();
        assertThat(CrdSchemas.problems(production.get("PrometheusRule", "fraudshield-alerts"))).isNotEmpty();
    }

    @Test
    void a_readiness_probe_on_the_api_port_is_caught() {
        ((ObjectNode) cardLimitContainer().at("/readinessProbe/httpGet")).put("port", "http");
        assertThat(violations(new ProbesOnManagementPort(), production))
                .anySatisfy(v -> assertThat(v).contains("card-limit-service").contains("readinessProbe"));
    }

    @Test
    void a_missing_liveness_probe_on_redis_is_caught() {
        at("StatefulSet", "fraudshield-redis", "/spec/template/spec/containers/0").remove("livenessProbe");
        assertThat(violations(new ProbesOnManagementPort(), production))
                .anySatisfy(v -> assertThat(v).contains("fraudshield-redis").contains("livenessProbe"));
    }

    @Test
    void a_container_without_a_memory_limit_is_caught() {
        ((ObjectNode) cardLimitContainer().at("/resources/limits")).remove("memory");
        assertThat(violations(new ResourcesAndHeap(), production))
                .anySatisfy(v -> assertThat(v).contains("no resources.limits.memory"));
    }

    @Test
    void a_heap_share_that_does_not_fit_the_limit_is_caught() {
        ObjectNode shared = at("ConfigMap", "fraudshield-shared", "/data");
        shared.put("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=95 -XX:+ExitOnOutOfMemoryError");
        assertThat(violations(new ResourcesAndHeap(), production))
                .anySatisfy(v -> assertThat(v).contains("MaxRAMPercentage"));
    }

    @Test
    void a_container_that_may_run_as_root_or_write_its_root_filesystem_is_caught() {
        at("Deployment", "stop-payment-service", "/spec/template/spec/securityContext").remove("runAsNonRoot");
        ((ObjectNode) cardLimitContainer().at("/securityContext")).put("readOnlyRootFilesystem", false);
        assertThat(violations(new RestrictedSecurity(), production))
                .anySatisfy(v -> assertThat(v).contains("stop-payment-service").contains("runAsNonRoot"))
                .anySatisfy(v -> assertThat(v).contains("card-limit-service").contains("root filesystem"));
    }

    @Test
    void capabilities_kept_are_caught() {
        ((ObjectNode) cardLimitContainer().at("/securityContext/capabilities")).putArray("drop").add("NET_RAW");
        assertThat(violations(new RestrictedSecurity(), production))
                .anySatisfy(v -> assertThat(v).contains("capabilities"));
    }

    @Test
    void replicas_under_an_autoscaler_are_caught() {
        at("Deployment", "account-risk-service", "/spec").put("replicas", 3);
        assertThat(violations(new NoReplicasUnderAutoscaler(), production))
                .anySatisfy(v -> assertThat(v).contains("account-risk-service").contains("sets replicas"));
    }

    @Test
    void a_workload_without_a_disruption_budget_is_caught() {
        production.remove("PodDisruptionBudget", "fraudshield-redis");
        assertThat(violations(new DisruptionBudgets(), production))
                .anySatisfy(v -> assertThat(v).contains("StatefulSet/fraudshield-redis"));
    }

    @Test
    void a_secret_key_nobody_declares_is_caught() {
        ObjectNode ref = (ObjectNode) cardLimitContainer().findParent("secretKeyRef").path("secretKeyRef");
        ref.put("key", "clientsecret");
        assertThat(violations(new ReferencedKeysDeclared(), production))
                .anySatisfy(v -> assertThat(v).contains("has no key clientsecret"));
    }

    @Test
    void a_secret_whose_external_secret_is_gone_is_caught() {
        production.remove("ExternalSecret", "stop-payment-sealing-keys");
        assertThat(violations(new ReferencedKeysDeclared(), production))
                .anySatisfy(v -> assertThat(v).contains("stop-payment-sealing-keys is not declared"));
    }

    @Test
    void a_config_map_key_nobody_declares_is_caught() {
        at("ConfigMap", "fraudshield-cardlimit", "/data").remove("migrate-jdbc-url");
        assertThat(violations(new ReferencedKeysDeclared(), production))
                .anySatisfy(v -> assertThat(v).contains("has no key migrate-jdbc-url"));
    }

    @Test
    void a_pod_without_a_network_policy_of_its_own_is_caught() {
        production.remove("NetworkPolicy", "stop-payment-service");
        production.remove("NetworkPolicy", "fraudshield-accountrisk-pooler");
        assertThat(violations(new NetworkPolicyCoverage(), production))
                .anySatisfy(v -> assertThat(v).contains("Deployment/stop-payment-service"))
                .anySatisfy(v -> assertThat(v).contains("Pooler/fraudshield-accountrisk-pooler"));
    }

    @Test
    void a_missing_default_deny_is_caught() {
        production.remove("NetworkPolicy", "fraudshield-default-deny");
        assertThat(violations(new NetworkPolicyCoverage(), production))
                .anySatisfy(v -> assertThat(v).contains("no default-deny"));
    }

    @Test
    void the_api_port_opened_to_every_namespace_is_caught() {
        ObjectNode peer = (ObjectNode) production.get("NetworkPolicy", "card-limit-service").at("/spec/ingress/0/from/0");
        peer.putObject("namespaceSelector");
        assertThat(violations(new EdgeReachability(), production))
                .anySatisfy(v -> assertThat(v).contains("card-limit-service").contains("port 8080"));
    }

    @Test
    void metrics_readable_from_outside_monitoring_is_caught() {
        ObjectNode peer = (ObjectNode) production.get("NetworkPolicy", "account-risk-service").at("/spec/ingress/1/from/0");
        ((ObjectNode) peer.path("namespaceSelector").path("matchLabels")).put("kubernetes.io/metadata.name", "default");
        assertThat(violations(new EdgeReachability(), production))
                .anySatisfy(v -> assertThat(v).contains("port 9000"));
    }

    @Test
    void egress_to_the_internet_from_a_service_other_than_stop_payment_is_caught() {
        ArrayNode egress = (ArrayNode) production.get("NetworkPolicy", "card-limit-service").at("/spec/egress");
        egress.add(production.get("NetworkPolicy", "stop-payment-service").at("/spec/egress/2").deepCopy());
        assertThat(violations(new EdgeReachability(), production))
                .anySatisfy(v -> assertThat(v).contains("card-limit-service").contains("outside the cluster"));
    }

    @Test
    void webhook_egress_into_the_cluster_ranges_is_caught() {
        ObjectNode block = (ObjectNode) production.get("NetworkPolicy", "stop-payment-service").at("/spec/egress/2/to/0/ipBlock");
        block.remove("except");
        assertThat(violations(new EdgeReachability(), production))
                .anySatisfy(v -> assertThat(v).contains("private ranges"));
    }

    @Test
    void an_environment_variable_no_service_reads_is_caught() {
        JsonNode env = cardLimitContainer().path("env");
        for (JsonNode entry : env) {
            if (entry.path("name").asText().equals("ACCOUNT_RISK_URL")) {
                ((ObjectNode) entry).put("name", "ACCOUNT_RISK_URI");
            }
        }
        at("ConfigMap", "fraudshield-shared", "/data").put("QUARKUS_HTTP_PROT", "8080");
        assertThat(violations(new EnvNamesTheAppsRead(), production))
                .anySatisfy(v -> assertThat(v).contains("ACCOUNT_RISK_URI"))
                .anySatisfy(v -> assertThat(v).contains("QUARKUS_HTTP_PROT"));
    }

    @Test
    void a_grace_period_shorter_than_the_shutdown_is_caught() {
        at("Deployment", "stop-payment-service", "/spec/template/spec").put("terminationGracePeriodSeconds", 15);
        assertThat(violations(new GracefulTermination(), production))
                .anySatisfy(v -> assertThat(v).contains("stop-payment-service").contains("terminationGracePeriodSeconds 15"));
    }

    @Test
    void a_service_without_a_pre_stop_sleep_is_caught() {
        cardLimitContainer().remove("lifecycle");
        assertThat(violations(new GracefulTermination(), production))
                .anySatisfy(v -> assertThat(v).contains("no preStop sleep"));
    }

    @Test
    void a_password_written_into_a_deployment_or_a_rendered_secret_is_caught() {
        for (JsonNode entry : cardLimitContainer().path("env")) {
            if (entry.path("name").asText().equals("DB_PASSWORD")) {
                ((ObjectNode) entry).remove("valueFrom");
                ((ObjectNode) entry).put("value", "hunter2");
            }
        }
        ObjectNode secret = production.all().get(0).objectNode();
        secret.put("apiVersion", "v1").put("kind", "Secret").putObject("metadata").put("name", "leaked");
        production.all().add(secret);
        assertThat(violations(new SecretsNeverValued(), production))
                .anySatisfy(v -> assertThat(v).contains("DB_PASSWORD has a literal value"))
                .anySatisfy(v -> assertThat(v).contains("Secret/leaked"));
    }

    @Test
    void redis_without_a_password_or_a_client_without_it_is_caught() {
        ObjectNode config = at("ConfigMap", "fraudshield-redis-config", "/data");
        config.put("redis.conf", config.path("redis.conf").asText().replace("protected-mode yes", "protected-mode no"));
        config.put("configure.sh", config.path("configure.sh").asText().replace("masterauth", "masterauth-off"));
        ArrayNode env = (ArrayNode) at("Deployment", "account-risk-service", "/spec/template/spec/containers/0").path("env");
        for (int i = env.size() - 1; i >= 0; i--) {
            if (env.get(i).path("name").asText().equals("QUARKUS_REDIS_PASSWORD")) {
                env.remove(i);
            }
        }
        ((ObjectNode) at("StatefulSet", "fraudshield-redis", "/spec/template/spec/containers/1").path("env").get(0))
                .put("name", "REDIS_AUTH");
        assertThat(violations(new RedisAuthenticated(), production))
                .anySatisfy(v -> assertThat(v).contains("protected mode off"))
                .anySatisfy(v -> assertThat(v).contains("does not write masterauth"))
                .anySatisfy(v -> assertThat(v).contains("account-risk-service").contains("QUARKUS_REDIS_PASSWORD"))
                .anySatisfy(v -> assertThat(v).contains("container sentinel").contains("REDISCLI_AUTH"));
    }

    @Test
    void egress_to_every_address_outside_the_webhook_rule_is_caught() {
        ObjectNode peer = (ObjectNode) production.get("NetworkPolicy", ApiServerPinned.POLICY).at("/spec/egress/0/to/0");
        peer.putObject("ipBlock").put("cidr", "0.0.0.0/0");
        ObjectNode webhookPorts = (ObjectNode) production.get("NetworkPolicy", "stop-payment-service").at("/spec/egress/2/ports/0");
        webhookPorts.put("port", 22);
        assertThat(violations(new NoEgressToEverywhere(), production))
                .anySatisfy(v -> assertThat(v).contains(ApiServerPinned.POLICY).contains("0.0.0.0/0"))
                .anySatisfy(v -> assertThat(v).contains("NetworkPolicy/stop-payment-service"));
        assertThat(violations(new ApiServerPinned(), production))
                .anySatisfy(v -> assertThat(v).contains("is not one address"));
    }

    @Test
    void an_api_server_peer_wider_than_one_address_is_caught() {
        ((ObjectNode) production.get("NetworkPolicy", ApiServerPinned.POLICY).at("/spec/egress/0/to/0/ipBlock"))
                .put("cidr", "10.0.0.0/8");
        assertThat(violations(new ApiServerPinned(), production))
                .anySatisfy(v -> assertThat(v).contains("is not one address"));
    }

    @Test
    void a_route_rule_that_passes_the_callers_trace_context_on_is_caught() {
        ObjectNode rule = (ObjectNode) production.get("HTTPRoute", "card-limit-service").at("/spec/rules/1");
        rule.remove("filters");
        ArrayNode removed = (ArrayNode) production.get("HTTPRoute", "stop-payment-service")
                .at("/spec/rules/0/filters/0/requestHeaderModifier/remove");
        removed.removeAll();
        removed.add("tracestate");
        assertThat(violations(new TraceContextDroppedAtEdge(), production))
                .anySatisfy(v -> assertThat(v).contains("HTTPRoute/card-limit-service rule 1"))
                .anySatisfy(v -> assertThat(v).contains("HTTPRoute/stop-payment-service rule 0"));
    }

    @Test
    void an_edge_namespace_without_default_deny_or_with_a_wider_proxy_policy_is_caught() {
        production.remove("NetworkPolicy", "fraudshield-gateway-default-deny");
        ObjectNode proxy = production.get("NetworkPolicy", "fraudshield-gateway-proxy");
        ((ObjectNode) proxy.at("/spec/egress/0/ports/0")).put("port", 9000);
        ((ArrayNode) proxy.at("/spec/egress")).addObject().putArray("to").addObject().putObject("ipBlock").put("cidr", "0.0.0.0/0");
        ((ArrayNode) proxy.at("/spec/ingress/0/ports")).addObject().put("protocol", "TCP").put("port", 19001);
        assertThat(violations(new EdgeNamespaceLockedDown(), production))
                .anySatisfy(v -> assertThat(v).contains("no default-deny"))
                .anySatisfy(v -> assertThat(v).contains("port 9000 to/from namespace fraudshield"))
                .anySatisfy(v -> assertThat(v).contains("egress: every port"))
                .anySatisfy(v -> assertThat(v).contains("port 19001 open to everyone"));
    }

    @Test
    void a_postgres_image_without_digest_or_with_a_moving_tag_is_caught() {
        at("Cluster", "fraudshield-cardlimit", "/spec").put("imageName", "ghcr.io/cloudnative-pg/postgresql:17.6");
        at("Cluster", "fraudshield-stoppayment", "/spec").put("imageName", "ghcr.io/cloudnative-pg/postgresql:17");
        assertThat(violations(new PostgresImagePinned(true), production))
                .anySatisfy(v -> assertThat(v).contains("fraudshield-cardlimit").contains("no @sha256 digest"))
                .anySatisfy(v -> assertThat(v).contains("fraudshield-stoppayment").contains("no major.minor tag"));
        assertThat(violations(new PostgresImagePinned(false), production))
                .noneSatisfy(v -> assertThat(v).contains("fraudshield-cardlimit"));
    }

    @Test
    void a_cluster_without_wal_archiving_schedule_or_backup_alerts_is_caught() {
        at("Cluster", "fraudshield-accountrisk", "/spec/backup").remove("barmanObjectStore");
        production.remove("ScheduledBackup", "fraudshield-stoppayment-nightly");
        production.remove("ExternalSecret", "fraudshield-postgres-backup-credentials");
        production.remove("PrometheusRule", "fraudshield-postgres-backups");
        assertThat(violations(new BackupsConfigured(), production))
                .anySatisfy(v -> assertThat(v).contains("fraudshield-accountrisk").contains("no WAL archiving"))
                .anySatisfy(v -> assertThat(v).contains("fraudshield-stoppayment: no ScheduledBackup"))
                .anySatisfy(v -> assertThat(v).contains("fraudshield-cardlimit").contains("s3Credentials.accessKeyId"))
                .anySatisfy(v -> assertThat(v).contains("no alert on cnpg_collector_last_available_backup_timestamp"));
    }

    @Test
    void a_backup_cluster_field_or_schedule_method_the_crd_does_not_know_fails_its_schema() {
        at("Cluster", "fraudshield-cardlimit", "/spec/backup").put("retentionPolicy", "30 days");
        at("ScheduledBackup", "fraudshield-cardlimit-nightly", "/spec").put("method", "pgdump");
        assertThat(CrdSchemas.problems(production.get("Cluster", "fraudshield-cardlimit"))).isNotEmpty();
        assertThat(CrdSchemas.problems(production.get("ScheduledBackup", "fraudshield-cardlimit-nightly"))).isNotEmpty();
    }
}
