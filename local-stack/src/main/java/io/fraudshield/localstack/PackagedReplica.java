package io.fraudshield.localstack;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** What every test that starts a service's packaged jar as a separate process needs: a port and readiness. */
public final class PackagedReplica {

    private PackagedReplica() {
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * The packaged app (production profile) serves health and metrics on a management interface of its own,
     * port 9000 by default: gives this replica a free one in its environment, for {@link #awaitReady}.
     */
    public static int managementPort(Map<String, String> environment) throws IOException {
        int port = freePort();
        environment.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(port));
        return port;
    }

    /** Waits up to a minute for {@code /q/health/ready} on the management port; fails at once, with its log, if the process exits. */
    public static void awaitReady(Process process, int managementPort, Path log) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create("http://localhost:" + managementPort + "/q/health/ready")
                        .toURL().openConnection();
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (!process.isAlive()) {
                throw new AssertionError("replica on management port " + managementPort + " exited: " + read(log));
            }
            Thread.sleep(250);
        }
        throw new AssertionError("replica on management port " + managementPort + " not ready: " + read(log));
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }

    /**
     * What every packaged replica of a service needs in its environment: its API port, its database as the runtime
     * role, the local token issuer with this service's audience, and the integration tests' pseudonym and audit keys
     * ("it1", the same in every service, so customerRefs join across services). Migration and the service's own
     * settings are the caller's.
     */
    public static Map<String, String> environment(Map<String, String> env, int port, String jdbcUrl,
                                                  LocalPostgres.DatabaseRoles roles, String audience, Path publicKey) {
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("DB_URL", jdbcUrl);
        env.put("DB_USER", roles.runtime());
        env.put("DB_PASSWORD", roles.runtime());
        env.put("JWT_ISSUER", LocalTokens.ISSUER);
        env.put("JWT_AUDIENCE", audience);
        env.put("JWT_PUBLIC_KEY_LOCATION", publicKey.toString());
        env.put("PSEUDONYM_ACTIVE_KEY_ID", "it1");
        env.put("FRAUDSHIELD_PSEUDONYM_KEYS_IT1", "aW50ZWdyYXRpb24tdGVzdC1rZXktbm90LWEtc2VjcmV0LTAwMQ==");
        env.put("AUDIT_ACTIVE_KEY_ID", "it1");
        env.put("FRAUDSHIELD_AUDIT_KEYS_IT1", "aW50ZWdyYXRpb24tdGVzdC1hdWRpdC1rZXktbm90LWEtc2VjcmV0LTAwMDE=");
        return env;
    }

    /** {@link #environment}, plus migrating at start as the owner role (production migrates in an init step). */
    public static Map<String, String> migratingEnvironment(Map<String, String> env, int port, String jdbcUrl,
                                                           LocalPostgres.DatabaseRoles roles, String audience, Path publicKey) {
        environment(env, port, jdbcUrl, roles, audience, publicKey);
        env.put("DB_MIGRATE", "true");
        env.put("DB_OWNER_USER", roles.owner());
        env.put("DB_OWNER_PASSWORD", roles.owner());
        return env;
    }
}
