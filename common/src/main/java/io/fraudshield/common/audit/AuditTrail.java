package io.fraudshield.common.audit;

import io.agroal.api.AgroalDataSource;
import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.digest.CanonicalDigest;
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
 * An object's events go to chain {@code hash(objectType/objectId) mod fraudshield.audit.chains}, so
 * they stay in order while appends for other objects proceed in parallel. Each event and the chain's new
 * head are sealed with the audit key. Two round trips per append: lock the head, then link event and head.
 */
@ApplicationScoped
public class AuditTrail {

    private static final String LOCK_HEAD = "select seq, hash from public.audit_head where chain = ? for update";
    private static final String LINK = "with event as (insert into public.audit_event (chain, seq, occurred_at, actor, role,"
            + " participant, action, legal_basis, object_type, object_id, before_digest, after_digest, prev_hash, hash,"
            + " seal) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))"
            + " update public.audit_head set seq = ?, hash = ?, seal = ? where chain = ?";

    private final AgroalDataSource dataSource;
    private final CanonicalDigest digest;
    private final AuditKeys keys;
    private final int chains;

    public AuditTrail(AgroalDataSource dataSource, CanonicalDigest digest, AuditKeys keys, AuditConfig config) {
        this.dataSource = dataSource;
        this.digest = digest;
        this.keys = keys;
        this.chains = config.chains();
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
                    if (!result.next()) {
                        // heads are made at start-up; a missing one was deleted: refuse rather than restart the chain
                        throw new IllegalStateException("audit chain " + chain + " has no head");
                    }
                    previousSeq = result.getLong(1);
                    previousHash = result.getString(2);
                }
            }
            AuditEvent event = new AuditEvent(chain, previousSeq + 1, Instant.now().truncatedTo(ChronoUnit.MICROS),
                    caller.subject(), caller.role().group(), caller.participant().value(), entry.action(),
                    entry.legalBasis(), entry.objectType(), entry.objectId(), digest(entry.before()),
                    digest(entry.after()), previousHash, null, null).sealed(keys);
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
                link.setString(15, event.seal());
                link.setLong(16, event.seq());
                link.setString(17, event.hash());
                link.setString(18, keys.seal(ChainHead.SEAL_DOMAIN, event.head().sealedContent()));
                link.setInt(19, event.chain());
                link.executeUpdate();
            }
            return event;
        } catch (SQLException e) {
            throw new IllegalStateException("audit append failed", e);
        }
    }

    private String digest(Object view) {
        return view == null ? null : digest.of(view);
    }
}
