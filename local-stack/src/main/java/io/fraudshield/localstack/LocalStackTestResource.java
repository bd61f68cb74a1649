package io.fraudshield.localstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * One real PostgreSQL per test JVM, on a free port, shared by every {@code @QuarkusTest} of a module; each
 * service gets its own database (init arg {@code database}) and trusts the test key pair. A service that uses
 * Redis says so (init arg {@code redis=true}) and gets one real Redis too.
 */
public class LocalStackTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "app";
    private boolean redis;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
        redis = Boolean.parseBoolean(initArgs.getOrDefault("redis", "false"));
    }

    @Override
    public Map<String, String> start() {
        TestStores stores = TestStores.get();
        stores.ensureDatabase(database);
        Map<String, String> config = new HashMap<>(Map.of(
                "quarkus.datasource.jdbc.url", stores.postgres().jdbcUrl(database),
                "quarkus.datasource.username", LocalPostgres.USER,
                "quarkus.datasource.password", LocalPostgres.USER,
                "mp.jwt.verify.publickey.location", LocalKeys.publicKeyFile(TestTokens.KEYS_DIR).toString()));
        if (redis) {
            config.put("quarkus.redis.hosts", stores.redis().uri());
        }
        return config;
    }

    @Override
    public void stop() {
        // the stores live as long as the test JVM: other test classes of this module reuse them
    }
}
