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
    /**
     * The rows as the UTF-8 bytes COPY reads, written value by value: no UTF-16 builder (one CJK character would
     * double every row's size), no String of all rows and no second encoding of it.
     */
    private byte[] rows = new byte[16 * 1024];
    private int size;
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
                put((byte) '\t');
            }
            append(values[i]);
        }
        put((byte) '\n');
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
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn(copy, new ByteArrayInputStream(rows, 0, size)); // the driver's own buffer: no second copy
        } catch (java.io.IOException e) {
            throw new SQLException("COPY data could not be read", e); // from memory: does not happen
        }
    }

    private void append(Object value) {
        if (value == null) {
            put((byte) '\\');
            put((byte) 'N');
        } else if (value instanceof String text) {
            escape(text.getBytes(StandardCharsets.UTF_8));
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof UUID
                || value instanceof Instant) {
            // digits, hex, dashes, ISO-8601: ASCII with nothing to escape (a double could print 1.0E10 or NaN)
            String text = value.toString();
            ensure(text.length());
            for (int i = 0; i < text.length(); i++) {
                rows[size++] = (byte) text.charAt(i);
            }
        } else {
            throw new IllegalArgumentException("no COPY form for " + value.getClass().getSimpleName());
        }
    }

    /**
     * Writes UTF-8 text with backslash, tab, newline and carriage return escaped. Every byte of a multi-byte UTF-8
     * character is 0x80 or above, so looking at single bytes finds exactly these four characters.
     */
    private void escape(byte[] text) {
        ensure(2 * text.length);
        for (byte b : text) {
            switch (b) {
                case '\\' -> {
                    rows[size++] = '\\';
                    rows[size++] = '\\';
                }
                case '\t' -> {
                    rows[size++] = '\\';
                    rows[size++] = 't';
                }
                case '\n' -> {
                    rows[size++] = '\\';
                    rows[size++] = 'n';
                }
                case '\r' -> {
                    rows[size++] = '\\';
                    rows[size++] = 'r';
                }
                default -> rows[size++] = b;
            }
        }
    }

    private void put(byte b) {
        ensure(1);
        rows[size++] = b;
    }

    private void ensure(int more) {
        if (size + more > rows.length) {
            rows = java.util.Arrays.copyOf(rows, Math.max(2 * rows.length, size + more));
        }
    }
}
