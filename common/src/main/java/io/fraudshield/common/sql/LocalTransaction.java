package io.fraudshield.common.sql;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A database transaction on one connection, without JTA: for a write that knows all its statements and sends them in
 * a few {@link RoundTrip}s. The last round trip may end with {@link #COMMIT} so the commit costs no round trip of its
 * own (the driver then has nothing left to commit). A failure rolls back. Not for use inside a JTA transaction.
 */
@ApplicationScoped
public class LocalTransaction {

    /** The statement that ends a round trip which commits. */
    public static final String COMMIT = "commit";
    /**
     * The first statement of a write's first round trip: a lock it waits for longer than this fails the request with
     * a 503 and Retry-After (SQLSTATE 55P03) instead of pinning a pooled connection behind a long holder (JTA's
     * transaction timeout does not apply here). Transaction-scoped, so nothing leaks through a pooler.
     */
    public static final String LOCK_TIMEOUT = "set local lock_timeout = '5s'";

    private final AgroalDataSource dataSource;

    public LocalTransaction(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The work of one transaction on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    public <T> T run(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            T result;
            try {
                result = work.on(connection);
                connection.commit();
            } catch (Throwable e) {
                // whatever escapes the work, nothing of it commits: a connection that cannot roll back is thrown away
                // rather than handed back (setAutoCommit(true) would commit what it holds)
                if (!rolledBack(connection, e)) {
                    connection.abort(Runnable::run);
                }
                throw e;
            }
            connection.setAutoCommit(true);
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("database transaction failed", e);
        }
    }

    private static boolean rolledBack(Connection connection, Throwable cause) {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
            return true;
        } catch (SQLException e) {
            cause.addSuppressed(e);
            return false;
        }
    }
}
