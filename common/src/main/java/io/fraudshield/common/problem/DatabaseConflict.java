package io.fraudshield.common.problem;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises, anywhere in a failure's causes, the PostgreSQL errors that mean "another request got there
 * first" rather than "something is broken": a unique-key violation (SQLSTATE 23505) on a service's table — two
 * requests raced to create the same identity and the database let one win — is the caller's 409 (on the
 * kernel's audit, idempotency or outbox tables it is a fault, an internal error with an incident id); a deadlock (40P01) or a
 * serialization failure (40001) or a lock not granted within the write's lock timeout (55P03) rolled this request back and it may simply be sent again (503 with
 * Retry-After; an idempotent write is safe to repeat with its key).
 */
final class DatabaseConflict {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final Set<String> RETRYABLE = Set.of("40P01", "40001", "55P03");
    /** The kernel's own tables: a key collision there is never the caller's doing, but a fault or tampering. */
    private static final Set<String> KERNEL_TABLES = Set.of("audit_event", "audit_head", "audit_checkpoint",
            "idempotency_record", "outbox");

    private DatabaseConflict() {
    }

    static Optional<ProblemType> of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                if (UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    String table = table(sql);
                    return table != null && KERNEL_TABLES.contains(table) ? Optional.empty() : Optional.of(ProblemType.DUPLICATE);
                }
                if (RETRYABLE.contains(sql.getSQLState())) {
                    return Optional.of(ProblemType.UNAVAILABLE);
                }
            }
        }
        return Optional.empty();
    }

    private static String table(SQLException sql) {
        ServerErrorMessage detail = sql instanceof PSQLException postgres ? postgres.getServerErrorMessage() : null;
        return detail == null ? null : detail.getTable();
    }
}
