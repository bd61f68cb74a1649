package io.fraudshield.common.audit;

import io.agroal.api.AgroalDataSource;
import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.digest.CanonicalDigest;
import io.fraudshield.common.sql.RoundTrip;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * Appends state changes to the hash-chained audit log, in the same transaction as the change itself:
 * a change that commits is always audited, an audit entry never outlives a rolled-back change.
 * An object's events go to chain {@code hash(objectType/objectId) mod fraudshield.audit.chains}, so
 * they stay in order while appends for other objects proceed in parallel. Each event and the chain's new
 * head are sealed with the audit key. Two round trips per append: lock the head, then link event and head;
 * a write that makes its own round trips ({@link #lockHeadsIn}, {@link #appendIn}) adds both to round trips it
 * makes anyway.
 */
@ApplicationScoped
public class AuditTrail {

    private static final String LOCK_HEADS = "select chain, seq, hash from public.audit_head where chain = any(?)"
            + " order by chain for update";
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
        try (Connection connection = dataSource.getConnection()) {
            RoundTrip lock = new RoundTrip();
            Heads heads = lockHeadsIn(lock, new Subject(entry.objectType(), entry.objectId()));
            heads.read(lock.run(connection));
            RoundTrip link = new RoundTrip();
            AuditEvent event = appendIn(link, heads, caller, entry);
            link.run(connection);
            return event;
        } catch (SQLException e) {
            throw new IllegalStateException("audit append failed", e);
        }
    }

    /** An object whose events are audited: they all go to one chain. */
    public record Subject(String objectType, String objectId) {
    }

    /** The chain an object's events go to. */
    public int chainOf(Subject subject) {
        return Math.floorMod((subject.objectType() + "/" + subject.objectId()).hashCode(), chains);
    }

    /**
     * For a write that makes its own round trips (plain JDBC, no JTA): locks the heads of these objects' chains, in
     * ascending order in one statement (so two such writes never wait for each other crosswise), in the caller's
     * round trip; after it ran, {@link Heads#read} them, then {@link #appendIn} adds events to the round trip that
     * commits the change. The heads stay locked until that commit.
     */
    public Heads lockHeadsIn(RoundTrip trip, Subject... subjects) {
        return lockMoreHeadsIn(trip, new Heads(), subjects);
    }

    /**
     * Locks the chains of more objects into heads a write already holds (and may already have appended to): after
     * the round trip ran, {@link Heads#read} adds the new chains and keeps the ones it holds as they are, so two
     * appends of one write on one chain follow each other whichever call locked it.
     */
    public Heads lockMoreHeadsIn(RoundTrip trip, Heads heads, Subject... subjects) {
        Integer[] chainIds = java.util.Arrays.stream(subjects).map(this::chainOf).distinct().sorted().toArray(Integer[]::new);
        heads.statement = trip.add(LOCK_HEADS, (Object) chainIds);
        return heads;
    }

    /**
     * Adds the event (sealed, linked to its chain's locked head) and the head's move to a round trip; an event for a
     * chain whose head was not locked is refused. Several appends on one chain follow each other.
     */
    public AuditEvent appendIn(RoundTrip trip, Heads heads, Caller caller, AuditEntry entry) {
        int chain = chainOf(new Subject(entry.objectType(), entry.objectId()));
        Head head = heads.locked.get(chain);
        if (head == null) {
            // heads are made at start-up; a missing one was deleted: refuse rather than restart the chain
            throw new IllegalStateException("audit chain " + chain + " has no head, or it was not locked and read first");
        }
        AuditEvent event = new AuditEvent(chain, head.seq + 1, Instant.now().truncatedTo(ChronoUnit.MICROS),
                caller.subject(), caller.role().group(), caller.participant().value(), entry.action(),
                entry.legalBasis(), entry.objectType(), entry.objectId(), digest(entry.before()),
                digest(entry.after()), head.hash, null, null).sealed(keys);
        trip.add(LINK, event.chain(), event.seq(), event.occurredAt(), event.actor(), event.role(), event.participant(),
                event.action(), event.legalBasis(), event.objectType(), event.objectId(), event.beforeDigest(),
                event.afterDigest(), event.prevHash(), event.hash(), event.seal(), event.seq(), event.hash(),
                keys.seal(ChainHead.SEAL_DOMAIN, event.head().sealedContent()), event.chain());
        head.seq = event.seq();
        head.hash = event.hash();
        return event;
    }

    /** Chains' heads, locked by a statement of a caller's round trip. */
    public static final class Heads {

        private int statement;
        private final Map<Integer, Head> locked = new HashMap<>();

        private Heads() {
        }

        /** Reads the heads locked by the last lock statement from the results of its round trip. */
        public void read(RoundTrip.Results results) {
            // a chain without a head stays absent: appendIn refuses it; a chain already held keeps its appends
            for (Object[] row : results.rows(statement).rows()) {
                Head head = new Head();
                head.seq = ((Number) row[1]).longValue();
                head.hash = (String) row[2];
                locked.putIfAbsent((Integer) row[0], head);
            }
        }
    }

    private static final class Head {
        private long seq;
        private String hash;
    }

    private String digest(Object view) {
        return view == null ? null : digest.of(view);
    }
}
