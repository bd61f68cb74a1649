package io.fraudshield.common.kernel;

import io.agroal.api.AgroalDataSource;
import io.fraudshield.common.audit.AuditBatch;
import io.fraudshield.common.audit.AuditChainVerifier;
import io.fraudshield.common.audit.AuditEntry;
import io.fraudshield.common.audit.AuditEvent;
import io.fraudshield.common.audit.AuditGenesis;
import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.caller.Role;
import io.fraudshield.common.identifier.ParticipantCode;
import io.fraudshield.localstack.TestSql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link AuditBatch} writes its events with one COPY in text format: every field must arrive exactly as hashed
 * (the verifier recomputes each hash from the stored columns), whatever characters it holds, and a COPY that
 * fails part-way must leave none of its rows.
 */
@QuarkusTest
class AuditBatchCopyTest {

    /** Everything COPY's text format gives a meaning to, and text beyond ASCII. */
    private static final String AWKWARD = "tab\there, back\\slash, \\N, \\., new\nline, cr\r, 存量清理 é 😀";

    @Inject
    AuditBatch batch;
    @Inject
    AuditGenesis genesis;
    @Inject
    AuditChainVerifier verifier;
    @Inject
    AgroalDataSource runtimeRole;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    /** Other kernel tests leave tampered chains behind on purpose: start from empty, intact chains. */
    @BeforeEach
    void freshChains() throws SQLException {
        TestSql.execute(TestSql.superuser(jdbcUrl),
                "alter table audit_event disable trigger audit_event_append_only",
                "alter table audit_checkpoint disable trigger audit_checkpoint_append_only",
                "delete from audit_event", "delete from audit_head", "delete from audit_checkpoint",
                "alter table audit_event enable trigger audit_event_append_only",
                "alter table audit_checkpoint enable trigger audit_checkpoint_append_only");
        genesis.createMissingHeads();
    }

    @Test
    void fieldsWithCopysSpecialCharactersAndNonAsciiTextAreStoredByteIdentical() throws SQLException {
        Caller caller = new Caller("officer " + AWKWARD, Role.BANK, new ParticipantCode("B102"));
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            entries.add(new AuditEntry("card.changed " + AWKWARD, "RULES A1 " + AWKWARD, "card",
                    "copy-" + i + " " + AWKWARD, i % 2 == 0 ? null : Map.of("i", i), Map.of("text", AWKWARD)));
        }
        List<AuditEvent> appended = QuarkusTransaction.requiringNew().call(() -> batch.appendAll(caller, entries));

        for (AuditEvent event : appended) {
            assertEquals(event, stored(event.chain(), event.seq()));
        }
        assertTrue(verifier.verify().intact(), "every stored event hashes to what was sealed");
    }

    @Test
    void aCopyThatFailsPartWayLeavesNoneOfItsEventsAndNoHeadMoved() throws SQLException {
        Caller caller = new Caller("officer-9", Role.BANK, new ParticipantCode("B102"));
        AuditEvent first = QuarkusTransaction.requiringNew().call(() -> batch.appendAll(caller,
                List.of(entry(0)))).get(0);
        // another writer's event where the batch's tenth would go: the COPY stops there with a duplicate key
        String planted = "insert into audit_event (chain, seq, occurred_at, actor, role, participant, action,"
                + " object_type, object_id, prev_hash, hash, seal) values (" + first.chain() + ", " + (first.seq() + 10)
                + ", now(), 'x', 'x', 'x', 'x', 'card', 'planted', 'x', 'x', 'x')";
        TestSql.execute(runtimeRole, planted);
        try {
            List<AuditEntry> entries = new ArrayList<>();
            for (int i = 1; i <= 20; i++) {
                entries.add(entry(i)); // one object: one chain, seq + 1 … seq + 20
            }
            assertThrows(RuntimeException.class,
                    () -> QuarkusTransaction.requiringNew().run(() -> batch.appendAll(caller, entries)));

            assertEquals(0, TestSql.number(runtimeRole, "select count(*) from audit_event where chain = ? and seq > ?"
                    + " and object_id <> 'planted'", first.chain(), first.seq()), "none of the COPY's rows");
            assertEquals(first.seq(), TestSql.number(runtimeRole, "select seq from audit_head where chain = ?",
                    first.chain()), "the head did not move");
        } finally {
            TestSql.execute(TestSql.superuser(jdbcUrl),
                    "alter table audit_event disable trigger audit_event_append_only",
                    "delete from audit_event where object_id = 'planted'",
                    "alter table audit_event enable trigger audit_event_append_only");
        }
        assertTrue(verifier.verify().intact());
    }

    private static AuditEntry entry(int i) {
        return new AuditEntry("card.changed", "RULES A1", "card", "copy-failing", null, Map.of("i", i));
    }

    private AuditEvent stored(int chain, long seq) throws SQLException {
        try (Connection connection = runtimeRole.getConnection();
             PreparedStatement statement = connection.prepareStatement("select chain, seq, occurred_at, actor, role,"
                     + " participant, action, legal_basis, object_type, object_id, before_digest, after_digest,"
                     + " prev_hash, hash, seal from audit_event where chain = ? and seq = ?")) {
            statement.setInt(1, chain);
            statement.setLong(2, seq);
            try (ResultSet row = statement.executeQuery()) {
                assertTrue(row.next(), "event " + chain + "/" + seq + " stored");
                return new AuditEvent(row.getInt(1), row.getLong(2), row.getTimestamp(3).toInstant(),
                        row.getString(4), row.getString(5), row.getString(6), row.getString(7), row.getString(8),
                        row.getString(9), row.getString(10), row.getString(11), row.getString(12),
                        row.getString(13), row.getString(14), row.getString(15));
            }
        }
    }
}
