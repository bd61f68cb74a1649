package io.fraudshield.common.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Walks the audit chain from the first event and names the first broken link: an edited event (its hash
 * no longer matches), a deleted or re-ordered one (a gap in the sequence or a wrong previous hash) or a
 * cut-off tail (the head points past the last event).
 */
@ApplicationScoped
public class AuditChainVerifier {

    private final AgroalDataSource dataSource;

    public AuditChainVerifier(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public AuditVerification verify() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                return walk(connection);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("audit verification failed", e);
        }
    }

    private AuditVerification walk(Connection connection) throws SQLException {
        long expectedSeq = 1;
        String expectedPrev = AuditEvent.GENESIS;
        try (PreparedStatement select = connection.prepareStatement(
                "select seq, occurred_at, actor, role, participant, action, legal_basis, object_type, object_id,"
                        + " before_digest, after_digest, prev_hash, hash from audit_event order by seq")) {
            select.setFetchSize(1000);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    AuditEvent event = new AuditEvent(rows.getLong(1), rows.getTimestamp(2).toInstant(),
                            rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6),
                            rows.getString(7), rows.getString(8), rows.getString(9), rows.getString(10),
                            rows.getString(11), rows.getString(12), rows.getString(13));
                    if (event.seq() != expectedSeq) {
                        return AuditVerification.broken(expectedSeq - 1, expectedSeq,
                                "event " + expectedSeq + " is missing (next stored event is " + event.seq() + ")");
                    }
                    if (!event.prevHash().equals(expectedPrev)) {
                        return AuditVerification.broken(expectedSeq - 1, event.seq(),
                                "event " + event.seq() + " does not link to the event before it");
                    }
                    if (!event.hash().equals(event.expectedHash())) {
                        return AuditVerification.broken(expectedSeq - 1, event.seq(),
                                "event " + event.seq() + " was altered after it was written");
                    }
                    expectedPrev = event.hash();
                    expectedSeq++;
                }
            }
        }
        return checkHead(connection, expectedSeq - 1, expectedPrev);
    }

    private AuditVerification checkHead(Connection connection, long lastSeq, String lastHash) throws SQLException {
        try (PreparedStatement head = connection.prepareStatement("select seq, hash from audit_head where id = 1");
             ResultSet result = head.executeQuery()) {
            result.next();
            if (result.getLong(1) != lastSeq || !result.getString(2).equals(lastHash)) {
                return AuditVerification.broken(lastSeq, lastSeq + 1,
                        "events after " + lastSeq + " are missing (the chain head is at " + result.getLong(1) + ")");
            }
        }
        return AuditVerification.intact(lastSeq);
    }
}
