package io.fraudshield.common.problem;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DatabaseConflictTest {

    @Test
    void aUniqueKeyViolationDeepInTheCausesIsADuplicate() {
        Throwable wrapped = new IllegalStateException("commit failed",
                new RuntimeException("flush", new SQLException("duplicate key", "23505")));
        assertEquals(Optional.of(ProblemType.DUPLICATE), DatabaseConflict.of(wrapped));
    }

    @Test
    void deadlocksAndSerializationFailuresAreWorthRetrying() {
        assertEquals(Optional.of(ProblemType.UNAVAILABLE), DatabaseConflict.of(new SQLException("deadlock", "40P01")));
        assertEquals(Optional.of(ProblemType.UNAVAILABLE), DatabaseConflict.of(new RuntimeException(new SQLException("x", "40001"))));
        // a lock not granted within a plain-JDBC write's lock timeout (LocalTransaction.LOCK_TIMEOUT)
        assertEquals(Optional.of(ProblemType.UNAVAILABLE), DatabaseConflict.of(
                new IllegalStateException("database transaction failed", new SQLException("lock timeout", "55P03"))));
        assertEquals(Optional.empty(), DatabaseConflict.of(new SQLException("syntax", "42601")));
    }

    @Test
    void aKeyCollisionOnAKernelTableIsAFaultNotTheCallersConflict() {
        ServerErrorMessage onAuditEvent = new ServerErrorMessage("SERROR\0C23505\0Mduplicate key\0taudit_event\0naudit_event_pkey\0");
        assertEquals(Optional.empty(), DatabaseConflict.of(new PSQLException(onAuditEvent)));
        ServerErrorMessage onCardSlot = new ServerErrorMessage("SERROR\0C23505\0Mduplicate key\0tcard_slot\0ncard_slot_card\0");
        assertEquals(Optional.of(ProblemType.DUPLICATE), DatabaseConflict.of(new PSQLException(onCardSlot)));
    }

    @Test
    void otherDatabaseFailuresAreNotTheCallersConflict() {
        assertEquals(Optional.empty(), DatabaseConflict.of(new SQLException("syntax", "42601")));
        assertEquals(Optional.empty(), DatabaseConflict.of(new IllegalStateException("no sql at all")));
    }
}
