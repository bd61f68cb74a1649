package io.fraudshield.k8s;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Every CloudNativePG Cluster archives its WAL and keeps base backups in object storage: spec.backup with a
 * retention policy and a barmanObjectStore whose credentials come from a Secret an ExternalSecret declares (both
 * keys), a ScheduledBackup of that Cluster, and alerts on failed WAL archiving and on failed or missing backups.
 */
final class BackupsConfigured implements Invariant {

    static final List<String> ALERTED_METRICS = List.of(
            "cnpg_pg_stat_archiver_last_failed_time",
            "cnpg_collector_last_failed_backup_timestamp",
            "cnpg_collector_last_available_backup_timestamp");

    @Override
    public List<String> violations(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        DeclaredKeys declared = new DeclaredKeys(manifests);
        manifests.ofKind("Cluster").forEach(cluster -> {
            String id = Manifests.idOf(cluster);
            JsonNode backup = cluster.path("spec").path("backup");
            JsonNode store = backup.path("barmanObjectStore");
            if (backup.path("retentionPolicy").asText().isEmpty()) {
                violations.add(id + ": no backup retentionPolicy");
            }
            if (store.path("destinationPath").asText().isEmpty()) {
                violations.add(id + ": no backup.barmanObjectStore.destinationPath (no WAL archiving)");
            }
            for (String credential : List.of("accessKeyId", "secretAccessKey")) {
                JsonNode ref = store.path("s3Credentials").path(credential);
                boolean isDeclared = declared.secret(ref.path("name").asText())
                        .map(keys -> keys.contains(ref.path("key").asText())).orElse(false);
                if (!isDeclared) {
                    violations.add(id + ": s3Credentials." + credential + " is no key of a declared Secret");
                }
            }
            boolean scheduled = manifests.ofKind("ScheduledBackup").anyMatch(scheduledBackup ->
                    scheduledBackup.path("spec").path("cluster").path("name").asText().equals(Manifests.nameOf(cluster))
                            && !scheduledBackup.path("spec").path("suspend").asBoolean(false));
            if (!scheduled) {
                violations.add(id + ": no ScheduledBackup");
            }
        });
        String alerts = manifests.ofKind("PrometheusRule").map(rule -> rule.path("spec").toString())
                .reduce("", String::concat);
        for (String metric : ALERTED_METRICS) {
            if (!alerts.contains(metric)) {
                violations.add("no alert on " + metric);
            }
        }
        return violations;
    }
}
