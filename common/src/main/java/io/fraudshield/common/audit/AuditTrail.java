package io.fraudshield.common.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.agroal.api.AgroalDataSource;
import io.fraudshield.common.caller.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Appends state changes to the hash-chained audit log, in the same transaction as the change itself:
 * a change that commits is always audited, an audit entry never outlives a rolled-back change.
 */
@ApplicationScoped
public class AuditTrail {

    private final AgroalDataSource dataSource;
    private final ObjectMapper canonicalJson;

    public AuditTrail(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.canonicalJson = json.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent append(Caller caller, AuditEntry entry) {
        try (Connection connection = dataSource.getConnection()) {
            long previousSeq;
            String previousHash;
            try (PreparedStatement head = connection.prepareStatement(
                    "select seq, hash from audit_head where id = 1 for update");
                 ResultSet result = head.executeQuery()) {
                result.next();
                previousSeq = result.getLong(1);
                previousHash = result.getString(2);
            }
            AuditEvent unsigned = new AuditEvent(previousSeq + 1, Instant.now().truncatedTo(ChronoUnit.MICROS),
                    caller.subject(), caller.role().group(), caller.participant().value(), entry.action(),
                    entry.legalBasis(), entry.objectType(), entry.objectId(), digest(entry.before()),
                    digest(entry.after()), previousHash, null);
            AuditEvent event = withHash(unsigned);
            insert(connection, event);
            try (PreparedStatement head = connection.prepareStatement(
                    "update audit_head set seq = ?, hash = ? where id = 1")) {
                head.setLong(1, event.seq());
                head.setString(2, event.hash());
                head.executeUpdate();
            }
            return event;
        } catch (SQLException e) {
            throw new IllegalStateException("audit append failed", e);
        }
    }

    private static AuditEvent withHash(AuditEvent e) {
        return new AuditEvent(e.seq(), e.occurredAt(), e.actor(), e.role(), e.participant(), e.action(),
                e.legalBasis(), e.objectType(), e.objectId(), e.beforeDigest(), e.afterDigest(), e.prevHash(),
                e.expectedHash());
    }

    private static void insert(Connection connection, AuditEvent event) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into audit_event (seq, occurred_at, actor, role, participant, action, legal_basis,"
                        + " object_type, object_id, before_digest, after_digest, prev_hash, hash)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, event.seq());
            insert.setTimestamp(2, Timestamp.from(event.occurredAt()));
            insert.setString(3, event.actor());
            insert.setString(4, event.role());
            insert.setString(5, event.participant());
            insert.setString(6, event.action());
            insert.setString(7, event.legalBasis());
            insert.setString(8, event.objectType());
            insert.setString(9, event.objectId());
            insert.setString(10, event.beforeDigest());
            insert.setString(11, event.afterDigest());
            insert.setString(12, event.prevHash());
            insert.setString(13, event.hash());
            insert.executeUpdate();
        }
    }

    private String digest(Object view) {
        if (view == null) {
            return null;
        }
        try {
            return AuditEvent.sha256(canonicalJson.writeValueAsString(view));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot digest audited object", e);
        }
    }
}
