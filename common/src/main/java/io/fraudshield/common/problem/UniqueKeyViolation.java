package io.fraudshield.common.problem;

import java.sql.SQLException;

/**
 * Recognises PostgreSQL's unique-key violation (SQLSTATE 23505) anywhere in a failure's causes: two
 * requests raced to create the same identity and the database let one win. That is the caller's conflict,
 * never an internal error.
 */
final class UniqueKeyViolation {

    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueKeyViolation() {
    }

    static boolean causes(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
