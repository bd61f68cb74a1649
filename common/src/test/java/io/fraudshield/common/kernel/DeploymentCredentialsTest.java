package io.fraudshield.common.kernel;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whoever takes over a service pod must not become the audit tables' owner: in production the service
 * container neither migrates nor holds the owner's credentials; a {@code migrate} init container of the same
 * image (Quarkus init-and-exit) alone gets the owner Secret. Each service seals with its own audit key Secret.
 */
class DeploymentCredentialsTest {

    private static final List<String> SERVICES = List.of("card-limit-service", "account-risk-service", "stop-payment-service");

    @Test
    void onlyTheMigrateInitContainerHoldsTheOwnerSecret() throws IOException {
        for (String service : SERVICES) {
            String manifest = Files.readString(Path.of("..", "k8s", "base", service + ".yaml"));
            int containers = manifest.indexOf("\n      containers:\n");
            int init = manifest.indexOf("\n      initContainers:\n");
            assertTrue(init > 0 && init < containers, service + " has a migrate init container before its containers");
            String migrate = manifest.substring(init, containers);
            String serviceContainer = manifest.substring(containers, manifest.indexOf("\n---", containers));
            assertTrue(migrate.contains("{name: QUARKUS_INIT_AND_EXIT, value: \"true\"}"), service);
            assertTrue(migrate.contains("{name: DB_MIGRATE, value: \"true\"}"), service);
            assertTrue(migrate.contains("name: DB_OWNER_PASSWORD") && migrate.matches("(?s).*fraudshield-[a-z]+-app, key: password.*"),
                    service + ": the init container migrates as the owner");
            assertFalse(migrate.contains("audit-keys"), service + ": migrating needs no audit key");
            assertFalse(serviceContainer.contains("DB_OWNER") || serviceContainer.matches("(?s).*fraudshield-[a-z]+-app\\b.*"),
                    service + ": the service container must not get the owner Secret");
            assertFalse(serviceContainer.contains("DB_MIGRATE"), service);
            assertTrue(serviceContainer.contains("secretRef: {name: fraudshield-" + service + "-audit-keys}"),
                    service + " seals with its own audit key Secret");
            assertFalse(manifest.contains("{name: fraudshield-audit-keys}"), service + ": no audit key shared by all services");
        }
    }

    @Test
    void inProductionTheServiceDoesNotMigrateAtStartUnlessAskedTo() throws IOException {
        Properties shared = new Properties();
        try (InputStream in = Files.newInputStream(
                Path.of("src", "main", "resources", "META-INF", "microprofile-config.properties"))) {
            shared.load(in);
        }
        assertEquals("true", shared.getProperty("quarkus.flyway.migrate-at-start"), "dev, local and test migrate at start");
        assertEquals("${DB_MIGRATE:false}", shared.getProperty("%prod.quarkus.flyway.migrate-at-start"));
        assertEquals("${DB_OWNER_PASSWORD:}", shared.getProperty("%prod.quarkus.flyway.password"));
    }
}
