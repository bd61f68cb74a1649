package io.fraudshield.cardlimit.slot;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Plain SQL on the current transaction's connection, for tests that ask PostgreSQL how it ran a lock. */
final class PlanProbe {

    private PlanProbe() {
    }

    interface Work {
        void run(Connection connection) throws SQLException;
    }

    static void onConnection(EntityManager entityManager, Work work) {
        entityManager.unwrap(Session.class).doWork(work::run);
    }

    /** Sequential scans of {@code person_link} so far in this transaction. */
    static long sequentialScansOfLinks(Connection connection) throws SQLException {
        return Long.parseLong(single(connection,
                "select seq_scan from pg_stat_xact_user_tables where relname = 'person_link'"));
    }

    static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
