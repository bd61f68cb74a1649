package io.fraudshield.common.audit;

import io.agroal.api.AgroalDataSource;
import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.digest.CanonicalDigest;
import io.fraudshield.common.sql.CopyRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Appends many entries to the audit chains at once, in the caller's transaction, for bulk work (a stock upload's
 * batch): the same events, hashes and seals as one {@link AuditTrail#append} per entry, in the given order per
 * object. Three round trips whatever the number of entries: the heads of every chain concerned are locked in chain
 * order (so two batches never wait for each other crosswise), the events are inserted by one COPY, and each
 * head moves once, to its chain's last new event (the head guard checks every event it passes over is stored).
 */
@ApplicationScoped
public class AuditBatch {

    private static final String LOCK_HEADS = "select chain, seq, hash from public.audit_head where chain = any(?)"
            + " order by chain for update";
    private static final String EVENTS = "public.audit_event (chain, seq, occurred_at, actor, role, participant,"
            + " action, legal_basis, object_type, object_id, before_digest, after_digest, prev_hash, hash, seal)";
    private static final String MOVE_HEAD = "update public.audit_head set seq = ?, hash = ?, seal = ? where chain = ?";

    private final AgroalDataSource dataSource;
    private final CanonicalDigest digest;
    private final AuditKeys keys;
    private final int chains;

    public AuditBatch(AgroalDataSource dataSource, CanonicalDigest digest, AuditKeys keys, AuditConfig config) {
        this.dataSource = dataSource;
        this.digest = digest;
        this.keys = keys;
        this.chains = config.chains();
    }

    /** Appends the entries in order; call it last in the transaction, so the chains' heads are held briefly. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<AuditEvent> appendAll(Caller caller, List<AuditEntry> entries) {
        return appendAll(caller, digest(entries));
    }

    /**
     * The entries with their before and after digests: the part of an append that needs no chain head, so a caller
     * that must wait before it appends (a stock chunk waits for the chunk before it) computes it before it waits.
     */
    public Digested digest(List<AuditEntry> entries) {
        List<String> before = new ArrayList<>(entries.size());
        List<String> after = new ArrayList<>(entries.size());
        for (AuditEntry entry : entries) {
            before.add(digestOf(entry.before()));
            after.add(digestOf(entry.after()));
        }
        return new Digested(entries, before, after);
    }

    /**
     * Entries and their digests, in order: made only by {@link #digest} (so no caller appends digests that are not the
     * entries'), the three lists copied, unmodifiable and of one size.
     */
    public static final class Digested {
        private final List<AuditEntry> entries;
        private final List<String> before;
        private final List<String> after;

        private Digested(List<AuditEntry> entries, List<String> before, List<String> after) {
            if (before.size() != entries.size() || after.size() != entries.size()) {
                throw new IllegalArgumentException("one before and one after digest per entry");
            }
            this.entries = List.copyOf(entries);
            this.before = Collections.unmodifiableList(new ArrayList<>(before)); // a digest of no state is null
            this.after = Collections.unmodifiableList(new ArrayList<>(after));
        }

        public List<AuditEntry> entries() {
            return entries;
        }
    }

    /** {@link #appendAll(Caller, List)} for entries already digested. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<AuditEvent> appendAll(Caller caller, Digested digested) {
        List<AuditEntry> entries = digested.entries();
        if (entries.isEmpty()) {
            return List.of();
        }
        TreeSet<Integer> chainsConcerned = new TreeSet<>();
        entries.forEach(entry -> chainsConcerned.add(chainOf(entry)));
        try (Connection connection = dataSource.getConnection()) {
            Map<Integer, ChainHead> heads = lockHeads(connection, chainsConcerned);
            Instant occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            List<AuditEvent> events = new ArrayList<>(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                AuditEntry entry = entries.get(i);
                ChainHead head = heads.get(chainOf(entry));
                AuditEvent event = new AuditEvent(head.chain(), head.seq() + 1, occurredAt, caller.subject(),
                        caller.role().group(), caller.participant().value(), entry.action(), entry.legalBasis(),
                        entry.objectType(), entry.objectId(), digested.before.get(i), digested.after.get(i),
                        head.hash(), null, null).sealed(keys);
                heads.put(head.chain(), event.head());
                events.add(event);
            }
            insert(connection, events);
            moveHeads(connection, events);
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException("audit append failed", e);
        }
    }

    private int chainOf(AuditEntry entry) {
        return Math.floorMod((entry.objectType() + "/" + entry.objectId()).hashCode(), chains);
    }

    private static Map<Integer, ChainHead> lockHeads(Connection connection, TreeSet<Integer> chainsConcerned)
            throws SQLException {
        Map<Integer, ChainHead> heads = new HashMap<>();
        try (PreparedStatement lock = connection.prepareStatement(LOCK_HEADS)) {
            lock.setArray(1, connection.createArrayOf("integer", chainsConcerned.toArray()));
            try (ResultSet rows = lock.executeQuery()) {
                while (rows.next()) {
                    heads.put(rows.getInt(1), new ChainHead(rows.getInt(1), rows.getLong(2), rows.getString(3)));
                }
            }
        }
        for (Integer chain : chainsConcerned) {
            if (!heads.containsKey(chain)) {
                // heads are made at start-up; a missing one was deleted: refuse rather than restart the chain
                throw new IllegalStateException("audit chain " + chain + " has no head");
            }
        }
        return heads;
    }

    private static void insert(Connection connection, List<AuditEvent> events) throws SQLException {
        CopyRows rows = new CopyRows(EVENTS, 15);
        for (AuditEvent e : events) {
            rows.add(e.chain(), e.seq(), e.occurredAt(), e.actor(), e.role(), e.participant(), e.action(),
                    e.legalBasis(), e.objectType(), e.objectId(), e.beforeDigest(), e.afterDigest(), e.prevHash(),
                    e.hash(), e.seal());
        }
        rows.copyInto(connection);
    }

    private void moveHeads(Connection connection, List<AuditEvent> events) throws SQLException {
        Map<Integer, AuditEvent> last = new TreeMap<>();
        events.forEach(event -> last.put(event.chain(), event));
        try (PreparedStatement move = connection.prepareStatement(MOVE_HEAD)) {
            for (AuditEvent event : last.values()) {
                move.setLong(1, event.seq());
                move.setString(2, event.hash());
                move.setString(3, keys.seal(ChainHead.SEAL_DOMAIN, event.head().sealedContent()));
                move.setInt(4, event.chain());
                move.addBatch();
            }
            move.executeBatch();
        }
    }

    private String digestOf(Object view) {
        return view == null ? null : digest.of(view);
    }
}
