package io.fraudshield.common.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Walks every audit chain from its first event and names the first broken link: an edited event (its
 * hash no longer matches), a deleted or re-ordered one (a gap in the sequence or a wrong previous hash),
 * a cut-off tail (the head points past the last event) or a chain whose head was removed.
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
        Map<Integer, Head> heads = new TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement("select chain, seq, hash from audit_head");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                heads.put(rows.getInt(1), new Head(rows.getLong(2), rows.getString(3)));
            }
        }
        long verified = 0;
        int chain = Integer.MIN_VALUE;
        long expectedSeq = 0;
        String expectedPrev = null;
        try (PreparedStatement select = connection.prepareStatement(
                "select chain, seq, occurred_at, actor, role, participant, action, legal_basis, object_type, object_id,"
                        + " before_digest, after_digest, prev_hash, hash from audit_event order by chain, seq")) {
            select.setFetchSize(1000);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    AuditEvent event = new AuditEvent(rows.getInt(1), rows.getLong(2), rows.getTimestamp(3).toInstant(),
                            rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7),
                            rows.getString(8), rows.getString(9), rows.getString(10), rows.getString(11),
                            rows.getString(12), rows.getString(13), rows.getString(14));
                    if (event.chain() != chain) {
                        if (chain != Integer.MIN_VALUE) {
                            AuditVerification tail = checkHead(chain, expectedSeq - 1, expectedPrev, heads, verified);
                            if (tail != null) {
                                return tail;
                            }
                        }
                        chain = event.chain();
                        expectedSeq = 1;
                        expectedPrev = AuditEvent.GENESIS;
                    }
                    if (event.seq() != expectedSeq) {
                        return AuditVerification.broken(verified, chain, expectedSeq,
                                "event " + expectedSeq + " is missing (next stored event is " + event.seq() + ")");
                    }
                    if (!event.prevHash().equals(expectedPrev)) {
                        return AuditVerification.broken(verified, chain, event.seq(),
                                "event " + event.seq() + " does not link to the event before it");
                    }
                    if (!event.hash().equals(event.expectedHash())) {
                        return AuditVerification.broken(verified, chain, event.seq(),
                                "event " + event.seq() + " was altered after it was written");
                    }
                    expectedPrev = event.hash();
                    expectedSeq++;
                    verified++;
                }
            }
        }
        if (chain != Integer.MIN_VALUE) {
            AuditVerification tail = checkHead(chain, expectedSeq - 1, expectedPrev, heads, verified);
            if (tail != null) {
                return tail;
            }
        }
        for (Map.Entry<Integer, Head> head : heads.entrySet()) {
            if (head.getValue().seq() > 0) {
                return AuditVerification.broken(verified, head.getKey(), 1,
                        "all " + head.getValue().seq() + " events of the chain are missing");
            }
        }
        return AuditVerification.intact(verified);
    }

    /** Checks and forgets a chain's head; null when the chain ends where its head says. */
    private static AuditVerification checkHead(int chain, long lastSeq, String lastHash, Map<Integer, Head> heads,
                                               long verified) {
        Head head = heads.remove(chain);
        if (head == null) {
            return AuditVerification.broken(verified, chain, lastSeq, "the chain's head is missing");
        }
        if (head.seq() != lastSeq || !head.hash().equals(lastHash)) {
            return AuditVerification.broken(verified, chain, lastSeq + 1,
                    "events after " + lastSeq + " are missing (the chain head is at " + head.seq() + ")");
        }
        return null;
    }

    private record Head(long seq, String hash) {
    }
}
