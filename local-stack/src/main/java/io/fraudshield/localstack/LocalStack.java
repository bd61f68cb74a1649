package io.fraudshield.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Starts PostgreSQL and Redis for the run command, keeping their data in a git-ignored folder across
 * restarts, and stops them on SIGINT/SIGTERM. Ports and folder come from the environment.
 */
public final class LocalStack {

    /** One database per service (docs/design.md, data stores). */
    public static final List<String> DATABASES = List.of("cardlimit", "accountrisk", "stoppayment");

    private LocalStack() {
    }

    public static void main(String[] args) throws Exception {
        int postgresPort = Integer.parseInt(env("FS_POSTGRES_PORT", "15432"));
        int redisPort = Integer.parseInt(env("FS_REDIS_PORT", "16379"));
        Path dataDir = Path.of(env("FS_DATA_DIR", ".local/data")).toAbsolutePath();
        Path keysDir = Path.of(env("FS_KEYS_DIR", ".local/keys")).toAbsolutePath();
        Files.createDirectories(dataDir);
        // the services of the run command verify tokens with this key; scripts/token.sh signs with its pair
        LocalKeys.loadOrCreate(keysDir);

        LocalPostgres postgres = LocalPostgres.start(postgresPort, dataDir.resolve("postgres"));
        LocalRedis redis = LocalRedis.start(redisPort, dataDir.resolve("redis"));
        for (String database : DATABASES) {
            postgres.ensureDatabase(database);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            closeQuietly(redis);
            closeQuietly(postgres);
            stopped.countDown();
        }, "local-stack-shutdown"));

        System.out.println("local-stack ready: postgres=localhost:" + postgres.port() + " (databases "
                + String.join(", ", DATABASES) + ", each with roles <db>_owner and <db>_runtime; superuser "
                + LocalPostgres.SUPERUSER + ") redis=localhost:" + redis.port() + " data=" + dataDir + " keys=" + keysDir);
        stopped.await();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("local-stack: stopping " + closeable.getClass().getSimpleName() + " failed: " + e);
        }
    }
}
