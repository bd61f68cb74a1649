package io.fraudshield.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;

/** The stores of one test JVM: started on first use, stopped when the JVM exits. */
public final class TestStores {

    private static TestStores instance;

    private final LocalPostgres postgres;
    private final LocalRedis redis;

    private TestStores(LocalPostgres postgres, LocalRedis redis) {
        this.postgres = postgres;
        this.redis = redis;
    }

    public static synchronized TestStores get() {
        if (instance == null) {
            try {
                LocalPostgres postgres = LocalPostgres.start(0, null);
                LocalRedis redis = LocalRedis.start(0, null);
                instance = new TestStores(postgres, redis);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        redis.close();
                        postgres.close();
                    } catch (IOException e) {
                        System.err.println("test stores: " + e);
                    }
                }, "test-stores-shutdown"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    public LocalPostgres postgres() {
        return postgres;
    }

    public LocalRedis redis() {
        return redis;
    }

    void ensureDatabase(String database) {
        try {
            postgres.ensureDatabase(database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + database, e);
        }
    }
}
