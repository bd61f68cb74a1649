package io.fraudshield.localstack;

import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Direct SQL for tests: to count what a request wrote, or to play a database administrator. */
public final class TestSql {

    private TestSql() {
    }

    /**
     * The cluster's superuser on the database at {@code jdbcUrl} (e.g. the test's
     * {@code quarkus.datasource.jdbc.url}): for tests that tamper as a database administrator would.
     */
    public static DataSource superuser(String jdbcUrl) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl);
        dataSource.setUser(LocalPostgres.SUPERUSER);
        dataSource.setPassword(LocalPostgres.SUPERUSER);
        return dataSource;
    }

    /** The first column of the first row of {@code query}, e.g. a count. */
    public static long number(DataSource dataSource, String query, Object... parameters) {
        return Long.parseLong(text(dataSource, query, parameters));
    }

    public static String text(DataSource dataSource, String query, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(query, e);
        }
    }

    /** Runs the statements in order on one connection; the first failure is thrown. */
    public static void execute(DataSource dataSource, String... statements) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
