package io.fraudshield.localstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * One real PostgreSQL per test JVM, on a free port, shared by every {@code @QuarkusTest} of a module; each
 * service gets its own database (init arg {@code database}), trusts the test key pair and mints its
 * own service tokens with it. A service that uses Redis says so (init arg {@code redis=true}) and gets one
 * real Redis too. As in production, Flyway migrates as the database's owner role and the service connects
 * as its runtime role.
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
        LocalPostgres.DatabaseRoles roles = stores.ensureDatabase(database);
        Map<String, String> config = new HashMap<>(Map.of(
                "quarkus.datasource.jdbc.url", stores.postgres().jdbcUrl(database),
                "quarkus.datasource.username", roles.runtime(),
                "quarkus.datasource.password", roles.runtime(),
                "quarkus.flyway.username", roles.owner(),
                "quarkus.flyway.password", roles.owner(),
                "mp.jwt.verify.publickey.location", LocalKeys.publicKeyFile(TestTokens.KEYS_DIR).toString(),
                "fraudshield.service-tokens.local.signing-key-location",
                TestTokens.KEYS_DIR.resolve(LocalKeys.PRIVATE_KEY_FILE).toAbsolutePath().toString()));
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
