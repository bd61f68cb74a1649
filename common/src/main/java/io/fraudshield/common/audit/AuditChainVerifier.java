package io.fraudshield.common.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Walks every audit chain from its first event and names the first broken link: an event edited (its hash no
 * longer matches) or edited with its hashes recomputed (its seal no longer matches), a deleted or re-ordered
 * one, a cut-off tail (the sealed head points past the last event), a chain deleted with its head (every
 * chain has a genesis head from the first start), a head that is not sealed with the audit key, and a chain
 * that ends before a signed checkpoint saw it end (an old head put back) — checked against the latest stored
 * checkpoint and, when an auditor sends one, against the auditor's copy — and a stored checkpoint removed,
 * replaced or put back among the newest {@value #CHECKED_CHECKPOINTS} (each must link to the one before it).
 */
@ApplicationScoped
public class AuditChainVerifier {

    private static final String EVENTS = "select chain, seq, occurred_at, actor, role, participant, action, legal_basis,"
            + " object_type, object_id, before_digest, after_digest, prev_hash, hash, seal from public.audit_event"
            + " where chain = ? order by seq";

    /** How many of the newest stored checkpoints are checked to link one to the next. */
    static final int CHECKED_CHECKPOINTS = 100;

    private final AgroalDataSource dataSource;
    private final AuditKeys keys;
    private final ObjectMapper json;
    private final int chains;

    public AuditChainVerifier(AgroalDataSource dataSource, AuditKeys keys, ObjectMapper json, AuditConfig config) {
        this.dataSource = dataSource;
        this.keys = keys;
        this.json = json;
        this.chains = config.chains();
    }

    public AuditVerification verify() {
        return verify(Optional.empty());
    }

    /** @param auditorHeld a checkpoint the caller kept; its signature must already have been checked */
    public AuditVerification verify(Optional<AuditCheckpoint> auditorHeld) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            // one snapshot for the whole walk, scoped to this transaction: Connection.setTransactionIsolation
            // would set it for the session, which a transaction-mode pooler hands to other clients' transactions
            try (Statement isolation = connection.createStatement()) {
                isolation.execute("set transaction isolation level repeatable read");
            }
            try {
                return walk(connection, auditorHeld);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("audit verification failed", e);
        }
    }

    public boolean isSigned(AuditCheckpoint checkpoint) {
        return checkpoint.isSignedBy(keys);
    }

    private AuditVerification walk(Connection connection, Optional<AuditCheckpoint> auditorHeld) throws SQLException {
        List<AuditCheckpoint> seen = new ArrayList<>();
        List<AuditCheckpoints.StoredCheckpoint> recent = AuditCheckpoints.recent(connection, CHECKED_CHECKPOINTS);
        AuditCheckpoint later = null;
        for (AuditCheckpoints.StoredCheckpoint stored : recent) { // newest first
            AuditCheckpoint checkpoint;
            try {
                checkpoint = stored.read(json);
            } catch (JsonProcessingException e) {
                return AuditVerification.brokenCheckpoint("stored checkpoint " + stored.id() + " is not readable");
            }
            if (!checkpoint.isSignedBy(keys)) {
                return AuditVerification.brokenCheckpoint("stored checkpoint " + stored.id() + " (" + checkpoint.createdAt()
                        + ") is not signed with a configured audit key");
            }
            if (later != null && (!checkpoint.signature().equals(later.previous())
                    || checkpoint.createdAt().isAfter(later.createdAt()))) {
                return AuditVerification.brokenCheckpoint("the stored checkpoint of " + later.createdAt()
                        + " does not follow the one stored before it (" + checkpoint.createdAt()
                        + "): a checkpoint was removed, replaced or put back");
            }
            if (later == null) {
                seen.add(checkpoint); // the latest: what it saw of each chain must still be there
            }
            later = checkpoint;
        }
        auditorHeld.ifPresent(seen::add);
        Map<Integer, List<Expectation>> expected = new HashMap<>();
        for (AuditCheckpoint checkpoint : seen) {
            for (ChainHead head : checkpoint.heads()) {
                expected.computeIfAbsent(head.chain(), chain -> new ArrayList<>())
                        .add(new Expectation(head.seq(), head.hash(), checkpoint.createdAt()));
            }
        }
        Map<Integer, StoredHead> heads = heads(connection);
        SortedSet<Integer> all = new TreeSet<>(heads.keySet());
        all.addAll(expected.keySet());
        for (int chain = 0; chain < chains; chain++) {
            all.add(chain);
        }
        long verified = 0;
        for (int chain : all) {
            ChainWalk walk = new ChainWalk(chain, verified, expected.getOrDefault(chain, List.of()));
            AuditVerification broken = walk.run(connection, heads.get(chain));
            if (broken != null) {
                return broken;
            }
            verified = walk.verified;
        }
        return AuditVerification.intact(verified);
    }

    private static Map<Integer, StoredHead> heads(Connection connection) throws SQLException {
        Map<Integer, StoredHead> heads = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("select chain, seq, hash, seal from public.audit_head");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                heads.put(rows.getInt(1), new StoredHead(new ChainHead(rows.getInt(1), rows.getLong(2), rows.getString(3)),
                        rows.getString(4)));
            }
        }
        return heads;
    }

    /** One chain, event by event, then its head, then what the checkpoints saw of it. */
    private final class ChainWalk {

        private final int chain;
        private final List<Expectation> expectations;
        private final Map<Long, String> hashesAtExpectedSeqs = new HashMap<>();
        private long verified;
        private long last;
        private String lastHash = AuditEvent.GENESIS;

        ChainWalk(int chain, long verified, List<Expectation> expectations) {
            this.chain = chain;
            this.verified = verified;
            this.expectations = expectations;
            expectations.forEach(expectation -> hashesAtExpectedSeqs.put(expectation.seq(), null));
        }

        AuditVerification run(Connection connection, StoredHead head) throws SQLException {
            try (PreparedStatement select = connection.prepareStatement(EVENTS)) {
                select.setInt(1, chain);
                select.setFetchSize(1000);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        AuditVerification broken = link(read(rows));
                        if (broken != null) {
                            return broken;
                        }
                    }
                }
            }
            AuditVerification broken = checkHead(head);
            return broken != null ? broken : checkCheckpoints();
        }

        private AuditVerification link(AuditEvent event) {
            long expectedSeq = last + 1;
            if (event.seq() != expectedSeq) {
                return broken(expectedSeq, "event " + expectedSeq + " is missing (next stored event is " + event.seq() + ")");
            }
            if (!event.prevHash().equals(lastHash)) {
                return broken(event.seq(), "event " + event.seq() + " does not link to the event before it");
            }
            if (!event.hash().equals(event.expectedHash())) {
                return broken(event.seq(), "event " + event.seq() + " was altered after it was written");
            }
            AuditKeys.Seal seal = keys.check(AuditEvent.SEAL_DOMAIN, event.hash(), event.seal());
            if (seal != AuditKeys.Seal.VALID) {
                return broken(event.seq(), "event " + event.seq() + " " + describe(seal, event.seal()));
            }
            if (hashesAtExpectedSeqs.containsKey(event.seq())) {
                hashesAtExpectedSeqs.put(event.seq(), event.hash());
            }
            last = event.seq();
            lastHash = event.hash();
            verified++;
            return null;
        }

        private AuditVerification checkHead(StoredHead stored) {
            if (stored == null) {
                return broken(last + 1, last == 0 ? "the chain and its head are missing (deleted)" : "the chain's head is missing");
            }
            ChainHead head = stored.head();
            AuditKeys.Seal seal = keys.check(ChainHead.SEAL_DOMAIN, head.sealedContent(), stored.seal());
            if (seal != AuditKeys.Seal.VALID) {
                return broken(Math.min(head.seq(), last) + 1, "the chain's head (at " + head.seq() + ") "
                        + describe(seal, stored.seal()));
            }
            if (head.seq() > last) {
                return broken(last + 1, "events after " + last + " are missing (the chain head is at " + head.seq() + ")");
            }
            if (head.seq() < last || !head.hash().equals(lastHash)) {
                return broken(head.seq() + 1, "the chain's head (at " + head.seq() + ") does not match its last event " + last);
            }
            return null;
        }

        private AuditVerification checkCheckpoints() {
            for (Expectation expectation : expectations.stream().sorted(Comparator.comparingLong(Expectation::seq)).toList()) {
                if (expectation.seq() > last) {
                    return broken(last + 1, "events after " + last + " are missing: the checkpoint of "
                            + expectation.checkpointAt() + " saw this chain at " + expectation.seq());
                }
                if (expectation.seq() > 0 && !expectation.hash().equals(hashesAtExpectedSeqs.get(expectation.seq()))) {
                    return broken(expectation.seq(), "event " + expectation.seq() + " differs from the checkpoint of "
                            + expectation.checkpointAt());
                }
            }
            return null;
        }

        private AuditVerification broken(long seq, String reason) {
            return AuditVerification.broken(verified, chain, seq, reason);
        }
    }

    private static String describe(AuditKeys.Seal seal, String value) {
        return switch (seal) {
            case MISSING -> "carries no seal";
            case UNKNOWN_KEY -> "is sealed with an audit key this service does not have (" + value.substring(0, value.indexOf('.')) + ")";
            case FORGED -> "has a seal that does not match: it was rewritten without the audit key";
            case VALID -> "is sealed";
        };
    }

    private static AuditEvent read(ResultSet rows) throws SQLException {
        return new AuditEvent(rows.getInt(1), rows.getLong(2), rows.getTimestamp(3).toInstant(), rows.getString(4),
                rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8), rows.getString(9),
                rows.getString(10), rows.getString(11), rows.getString(12), rows.getString(13), rows.getString(14),
                rows.getString(15));
    }

    private record StoredHead(ChainHead head, String seal) {
    }

    private record Expectation(long seq, String hash, Instant checkpointAt) {
    }
}
