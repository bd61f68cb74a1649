package io.fraudshield.common.audit;

import io.agroal.api.AgroalDataSource;
import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.digest.CanonicalDigest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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
 * An object's events go to chain {@code hash(objectType/objectId) mod fraudshield.audit.chains}, so
 * they stay in order while appends for other objects proceed in parallel. Two round trips per append.
 */
@ApplicationScoped
public class AuditTrail {

    private static final String LOCK_HEAD = "insert into audit_head (chain, seq, hash) values (?, 0, '"
            + AuditEvent.GENESIS + "') on conflict (chain) do update set chain = excluded.chain returning seq, hash";
    private static final String LINK = "with event as (insert into audit_event (chain, seq, occurred_at, actor, role,"
            + " participant, action, legal_basis, object_type, object_id, before_digest, after_digest, prev_hash, hash)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))"
            + " update audit_head set seq = ?, hash = ? where chain = ?";

    private final AgroalDataSource dataSource;
    private final CanonicalDigest digest;
    private final int chains;

    public AuditTrail(AgroalDataSource dataSource, CanonicalDigest digest,
                      @ConfigProperty(name = "fraudshield.audit.chains", defaultValue = "16") int chains) {
        this.dataSource = dataSource;
        this.digest = digest;
        this.chains = chains;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent append(Caller caller, AuditEntry entry) {
        int chain = Math.floorMod((entry.objectType() + "/" + entry.objectId()).hashCode(), chains);
        try (Connection connection = dataSource.getConnection()) {
            long previousSeq;
            String previousHash;
            try (PreparedStatement head = connection.prepareStatement(LOCK_HEAD)) {
                head.setInt(1, chain);
                try (ResultSet result = head.executeQuery()) {
                    result.next();
                    previousSeq = result.getLong(1);
                    previousHash = result.getString(2);
                }
            }
            AuditEvent unsigned = new AuditEvent(chain, previousSeq + 1, Instant.now().truncatedTo(ChronoUnit.MICROS),
                    caller.subject(), caller.role().group(), caller.participant().value(), entry.action(),
                    entry.legalBasis(), entry.objectType(), entry.objectId(), digest(entry.before()),
                    digest(entry.after()), previousHash, null);
            AuditEvent event = withHash(unsigned);
            try (PreparedStatement link = connection.prepareStatement(LINK)) {
                link.setInt(1, event.chain());
                link.setLong(2, event.seq());
                link.setTimestamp(3, Timestamp.from(event.occurredAt()));
                link.setString(4, event.actor());
                link.setString(5, event.role());
                link.setString(6, event.participant());
                link.setString(7, event.action());
                link.setString(8, event.legalBasis());
                link.setString(9, event.objectType());
                link.setString(10, event.objectId());
                link.setString(11, event.beforeDigest());
                link.setString(12, event.afterDigest());
                link.setString(13, event.prevHash());
                link.setString(14, event.hash());
                link.setLong(15, event.seq());
                link.setString(16, event.hash());
                link.setInt(17, event.chain());
                link.executeUpdate();
            }
            return event;
        } catch (SQLException e) {
            throw new IllegalStateException("audit append failed", e);
        }
    }

    private static AuditEvent withHash(AuditEvent e) {
        return new AuditEvent(e.chain(), e.seq(), e.occurredAt(), e.actor(), e.role(), e.participant(), e.action(),
                e.legalBasis(), e.objectType(), e.objectId(), e.beforeDigest(), e.afterDigest(), e.prevHash(),
                e.expectedHash());
    }

    private String digest(Object view) {
        return view == null ? null : digest.of(view);
    }
}
