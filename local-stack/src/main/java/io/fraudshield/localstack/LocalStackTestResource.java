package io.fraudshield.localstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * One real PostgreSQL and one real Redis per test JVM, on free ports, shared by every {@code @QuarkusTest}
 * of a module; each service gets its own database (init arg {@code database}) and trusts the test key pair.
 */
public class LocalStackTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        TestStores stores = TestStores.get();
        stores.ensureDatabase(database);
        return Map.of(
                "quarkus.datasource.jdbc.url", stores.postgres().jdbcUrl(database),
                "quarkus.datasource.username", LocalPostgres.USER,
                "quarkus.datasource.password", LocalPostgres.USER,
                "quarkus.redis.hosts", stores.redis().uri(),
                "mp.jwt.verify.publickey.location", LocalKeys.publicKeyFile(TestTokens.KEYS_DIR).toString());
    }

    @Override
    public void stop() {
        // the stores live as long as the test JVM: other test classes of this module reuse them
    }
}
