package io.fraudshield.common.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Statements sent to PostgreSQL together and answered together: one network round trip for all of them. The
 * PostgreSQL driver sends the statements of one multi-statement text as separate extended-protocol messages ahead of
 * a single Sync, so each statement still runs on its own (under read committed each takes a fresh snapshot after
 * the previous one finished: a lock taken by one is held when the next reads), and the first failure skips the
 * rest. Results come back in order, one per statement.
 */
public final class RoundTrip {

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();
    private int statements;

    /**
     * Adds a statement with {@code ?} placeholders; returns its position among the results. Parameters: String,
     * UUID, Integer, Long, Boolean, Double, Instant (as timestamptz), String[] (text[]), Integer[] (int4[]), UUID[] (uuid[]) or
     * null.
     */
    public int add(String statement, Object... values) {
        if (statement.contains(";")) {
            throw new IllegalArgumentException("one statement per add: " + statement);
        }
        if (statements > 0) {
            sql.append(";\n");
        }
        sql.append(statement);
        parameters.addAll(java.util.Arrays.asList(values));
        return statements++;
    }

    public boolean isEmpty() {
        return statements == 0;
    }

    /** Sends every statement added so far in one round trip and reads all their results. */
    public Results run(Connection connection) throws SQLException {
        if (statements == 0) {
            return new Results(List.of());
        }
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                bind(connection, statement, i + 1, parameters.get(i));
            }
            List<Object> results = new ArrayList<>(statements);
            boolean rows = statement.execute();
            while (true) {
                if (rows) {
                    try (ResultSet resultSet = statement.getResultSet()) {
                        results.add(Rows.of(resultSet));
                    }
                } else {
                    int updated = statement.getUpdateCount();
                    if (updated == -1) {
                        break;
                    }
                    results.add(updated);
                }
                rows = statement.getMoreResults();
            }
            if (results.size() != statements) {
                throw new IllegalStateException(statements + " statements answered with " + results.size() + " results");
            }
            return new Results(results);
        }
    }

    private static void bind(Connection connection, PreparedStatement statement, int index, Object value)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.OTHER);
        } else if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof Instant instant) {
            statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
        } else if (value instanceof String[] texts) {
            statement.setArray(index, connection.createArrayOf("text", texts));
        } else if (value instanceof Integer[] numbers) {
            statement.setArray(index, connection.createArrayOf("int4", numbers));
        } else if (value instanceof UUID[] ids) {
            statement.setArray(index, connection.createArrayOf("uuid", ids));
        } else if (value instanceof UUID || value instanceof Integer || value instanceof Long || value instanceof Boolean
                || value instanceof Double) {
            statement.setObject(index, value);
        } else {
            throw new IllegalArgumentException("unsupported parameter type " + value.getClass().getName());
        }
    }

    /** The results of one round trip, one per statement in the order added. */
    public record Results(List<Object> results) {

        public Rows rows(int statement) {
            return (Rows) results.get(statement);
        }

        public int updated(int statement) {
            return (Integer) results.get(statement);
        }
    }

    /** The rows one statement returned, each as its column values (the driver's Java types). */
    public record Rows(List<Object[]> rows) {

        static Rows of(ResultSet resultSet) throws SQLException {
            int columns = resultSet.getMetaData().getColumnCount();
            List<Object[]> rows = new ArrayList<>();
            while (resultSet.next()) {
                Object[] row = new Object[columns];
                for (int c = 0; c < columns; c++) {
                    row[c] = resultSet.getObject(c + 1);
                }
                rows.add(row);
            }
            return new Rows(rows);
        }

        public boolean isEmpty() {
            return rows.isEmpty();
        }

        /** The only row; fails when there is none or more than one. */
        public Object[] single() {
            if (rows.size() != 1) {
                throw new IllegalStateException("expected one row, got " + rows.size());
            }
            return rows.get(0);
        }

        public static Instant instant(Object value) {
            if (value == null) {
                return null;
            }
            if (value instanceof java.sql.Timestamp timestamp) {
                return timestamp.toInstant();
            }
            if (value instanceof java.time.OffsetDateTime offset) {
                return offset.toInstant();
            }
            return (Instant) value;
        }
    }
}
