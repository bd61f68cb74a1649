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
            try {
                T result = work.on(connection);
                connection.commit();
                return result;
            } catch (RuntimeException | SQLException | Error e) {
                rollback(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database transaction failed", e);
        }
    }

    private static void rollback(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
