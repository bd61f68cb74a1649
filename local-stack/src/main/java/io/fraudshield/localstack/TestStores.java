package io.fraudshield.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;

/** The stores of one test JVM: started on first use, stopped when the JVM exits. */
public final class TestStores {

    private static TestStores instance;

    private final LocalPostgres postgres;
    private LocalRedis redis;

    private TestStores(LocalPostgres postgres) {
        this.postgres = postgres;
    }

    public static synchronized TestStores get() {
        if (instance == null) {
            try {
                LocalPostgres postgres = LocalPostgres.start(0, null);
                TestStores stores = new TestStores(postgres);
                instance = stores;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        stores.closeRedis();
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

    /** Redis, started on first use: only the services that use Redis ask for it. */
    public synchronized LocalRedis redis() {
        if (redis == null) {
            try {
                redis = LocalRedis.start(0, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return redis;
    }

    private synchronized void closeRedis() throws IOException {
        if (redis != null) {
            redis.close();
        }
    }

    LocalPostgres.DatabaseRoles ensureDatabase(String database) {
        try {
            return postgres.ensureDatabase(database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + database, e);
        }
    }
}
