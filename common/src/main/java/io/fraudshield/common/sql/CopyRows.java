package io.fraudshield.common.sql;

import org.postgresql.PGConnection;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * Rows inserted into one table by a single {@code COPY … FROM STDIN} (text format) in the caller's transaction:
 * PostgreSQL parses no statement or array per row and writes many rows per page at once, the cheapest way in for
 * bulk rows without conflict handling (a duplicate key fails the COPY, and the transaction, as an INSERT would).
 * Each value arrives byte-identical: backslash, tab, newline and carriage return are escaped, a null is {@code \N},
 * and text goes as UTF-8 (PostgreSQL's JDBC driver always sets that client encoding). The rows are held only
 * in memory and sent once; nothing is logged.
 */
public final class CopyRows {

    private final String copy;
    private final int columns;
    private final StringBuilder rows = new StringBuilder();
    private int count;

    /** @param target the table and its columns in the order of each row's values, e.g. {@code "t (a, b)"} */
    public CopyRows(String target, int columns) {
        this.copy = "copy " + target + " from stdin";
        this.columns = columns;
    }

    /** Adds a row: String, Integer, Long, Short, UUID, Instant (ISO-8601, read as timestamptz) or null, one per column. */
    public CopyRows add(Object... values) {
        if (values.length != columns) {
            throw new IllegalArgumentException("a row of " + columns + " values expected, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                rows.append('\t');
            }
            append(values[i]);
        }
        rows.append('\n');
        count++;
        return this;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** Sends every row in one COPY on the connection; @return the rows PostgreSQL stored. */
    public long copyInto(Connection connection) throws SQLException {
        if (count == 0) {
            return 0;
        }
        byte[] data = rows.toString().getBytes(StandardCharsets.UTF_8);
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn(copy, new ByteArrayInputStream(data)); // the driver's own buffer: no second copy of the rows
        } catch (java.io.IOException e) {
            throw new SQLException("COPY data could not be read", e); // from memory: does not happen
        }
    }

    private void append(Object value) {
        if (value == null) {
            rows.append("\\N");
        } else if (value instanceof String text) {
            escape(text);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof UUID
                || value instanceof Instant) {
            rows.append(value); // digits, hex, dashes, ISO-8601: nothing to escape (a double could print 1.0E10 or NaN)
        } else {
            throw new IllegalArgumentException("no COPY form for " + value.getClass().getSimpleName());
        }
    }

    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> rows.append("\\\\");
                case '\t' -> rows.append("\\t");
                case '\n' -> rows.append("\\n");
                case '\r' -> rows.append("\\r");
                default -> rows.append(c);
            }
        }
    }
}
