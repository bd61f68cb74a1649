package io.fraudshield.common.problem;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises, anywhere in a failure's causes, the PostgreSQL errors that mean "another request got there
 * first" rather than "something is broken": a unique-key violation (SQLSTATE 23505: two requests raced to
 * create the same identity and the database let one win) is the caller's 409; a deadlock (40P01) or a
 * serialization failure (40001) rolled this request back and it may simply be sent again (503 with
 * Retry-After; an idempotent write is safe to repeat with its key).
 */
final class DatabaseConflict {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final Set<String> RETRYABLE = Set.of("40P01", "40001");

    private DatabaseConflict() {
    }

    static Optional<ProblemType> of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                if (UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    return Optional.of(ProblemType.DUPLICATE);
                }
                if (RETRYABLE.contains(sql.getSQLState())) {
                    return Optional.of(ProblemType.UNAVAILABLE);
                }
            }
        }
        return Optional.empty();
    }
}
