package io.fraudshield.common.kernel;

import io.agroal.api.AgroalDataSource;
import io.fraudshield.common.audit.AuditCheckpoint;
import io.fraudshield.common.audit.AuditCheckpoints;
import io.fraudshield.common.audit.AuditEntry;
import io.fraudshield.common.audit.AuditEvent;
import io.fraudshield.common.audit.AuditGenesis;
import io.fraudshield.common.audit.AuditKeys;
import io.fraudshield.common.audit.AuditBatch;
import io.fraudshield.common.audit.AuditTrail;
import io.fraudshield.common.audit.RuntimeRoleCheck;
import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.caller.Role;
import io.fraudshield.common.identifier.ParticipantCode;
import io.fraudshield.common.pseudonym.KeyedHash;
import io.fraudshield.localstack.TestSql;
import io.fraudshield.localstack.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit chain names the first broken link however it was tampered with — including by the database
 * superuser, who can switch the append-only trigger off, recompute hashes and move heads, but holds no
 * audit key — and the service's own runtime role cannot tamper at all.
 */
@QuarkusTest
class AuditChainTest {

    private static final String VERIFY = "/v1/audit-chain/verification";
    private static final String VERIFICATIONS = "/v1/audit-chain/verifications";
    private static final String LATEST_CHECKPOINT = "/v1/audit-chain/checkpoints/latest";
    private static final Caller OFFICER = new Caller("officer-7", Role.BANK, new ParticipantCode("B102"));
    private static final String DEV_KEY = "bG9jYWwtZGV2ZWxvcG1lbnQtYXVkaXQta2V5LW5vdC1hLXNlY3JldC0wMDAx";
    private static final String SERVICE = "kernel-test";
    private static final String NEXT_KEY = "cmV0aXJlZC1hdWRpdC1rZXktZm9yLXJvdGF0aW9uLXRlc3RzLW9ubHktMDAwMA==";

    @Inject
    AuditTrail audit;
    @Inject
    AuditBatch batch;
    @Inject
    AuditGenesis genesis;
    @Inject
    AuditCheckpoints checkpoints;
    @Inject
    AgroalDataSource runtimeRole;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    /** The chain that card-1's events go to. */
    private int chain;

    @BeforeEach
    void freshChainOfFive() {
        asSuperuser("alter table audit_event disable trigger audit_event_append_only",
                "alter table audit_checkpoint disable trigger audit_checkpoint_append_only",
                "delete from audit_event", "delete from audit_head", "delete from audit_checkpoint",
                "alter table audit_event enable trigger audit_event_append_only",
                "alter table audit_checkpoint enable trigger audit_checkpoint_append_only");
        genesis.createMissingHeads();
        // five events of one card: one chain, seq 1..5
        for (int i = 1; i <= 5; i++) {
            chain = append("card-1", i).chain();
        }
    }

    @Test
    void anIntactChainVerifies() {
        verify().body("intact", equalTo(true)).body("verifiedEvents", equalTo(5)).body("firstBrokenLink", nullValue());
    }

    @Test
    void otherObjectsGoToOtherChainsAndAllVerify() {
        for (int i = 2; i <= 40; i++) {
            append("card-" + i, 1);
        }
        verify().body("intact", equalTo(true)).body("verifiedEvents", equalTo(44));
        tamperBypassingTrigger("delete from audit_event where object_id = 'card-1'");
        verify().body("intact", equalTo(false)).body("firstBrokenLink.chain", equalTo(chain))
                .body("firstBrokenLink.seq", equalTo(1)).body("firstBrokenLink.reason", containsString("missing"));
    }

    // ---------- tampering by the database superuser ----------

    @Test
    void anEditedEventIsNamed() {
        tamperBypassingTrigger("update audit_event set actor = 'someone-else' where seq = 3 and chain = " + chain);
        assertBroken(3, "altered");
    }

    @Test
    void anEditedEventWithRecomputedHashesSealsAndHeadIsNamed() {
        // the owner edits event 3, recomputes every later hash, re-seals with a key of their own under the same
        // key id and moves the head: every hash links, only the seals give it away
        KeyedHash forger = new KeyedHash("dev1", randomKey());
        List<AuditEvent> events = events();
        List<String> statements = new ArrayList<>();
        String prev = events.get(1).hash();
        for (AuditEvent event : events.subList(2, 5)) {
            AuditEvent edited = new AuditEvent(event.chain(), event.seq(), event.occurredAt(),
                    event.seq() == 3 ? "someone-else" : event.actor(), event.role(), event.participant(), event.action(),
                    event.legalBasis(), event.objectType(), event.objectId(), event.beforeDigest(), event.afterDigest(),
                    prev, null, null);
            String hash = edited.expectedHash();
            statements.add("update audit_event set actor = '" + edited.actor() + "', prev_hash = '" + prev + "', hash = '"
                    + hash + "', seal = '" + forger.ref("audit-event", hash) + "' where chain = " + chain
                    + " and seq = " + event.seq());
            prev = hash;
        }
        statements.add("update audit_head set hash = '" + prev + "', seal = '"
                + forger.ref("audit-head", chain + ":5:" + prev) + "' where chain = " + chain);
        tamperBypassingTrigger(statements.toArray(String[]::new));
        assertBroken(3, "event 3 has a seal that does not match");
    }

    @Test
    void aDeletedEventIsNamed() {
        tamperBypassingTrigger("delete from audit_event where seq = 2 and chain = " + chain);
        verify().body("intact", equalTo(false)).body("firstBrokenLink.seq", equalTo(2))
                .body("verifiedEvents", equalTo(1));
    }

    @Test
    void reorderedEventsAreNamed() {
        String where = " and chain = " + chain;
        tamperBypassingTrigger("update audit_event set seq = -1 where seq = 3" + where,
                "update audit_event set seq = 3 where seq = 4" + where,
                "update audit_event set seq = 4 where seq = -1" + where);
        assertBroken(3, "");
    }

    @Test
    void aCutOffTailIsNamed() {
        tamperBypassingTrigger("delete from audit_event where seq = 5 and chain = " + chain);
        assertBroken(5, "events after 4 are missing");
    }

    @Test
    void aTruncatedTailWithItsHeadSetBackIsNamed() {
        String hash3 = events().get(2).hash();
        tamperBypassingTrigger("delete from audit_event where seq > 3 and chain = " + chain,
                "update audit_head set seq = 3, hash = '" + hash3 + "' where chain = " + chain);
        assertBroken(4, "head (at 3) has a seal that does not match");
    }

    @Test
    void aDeletedChainWithItsHeadIsNamed() {
        tamperBypassingTrigger("delete from audit_event where chain = " + chain,
                "delete from audit_head where chain = " + chain);
        assertBroken(1, "the chain and its head are missing");
    }

    @Test
    void aReplayedOldHeadIsCaughtByTheStoredCheckpointAndByTheAuditorsCopy() {
        Map<String, String> oldHead = headRow();
        append("card-1", 6);
        append("card-1", 7);
        checkpoints.take();
        String auditorsCopy = auditor().get(LATEST_CHECKPOINT).then().statusCode(200)
                .body("signature", startsWith("dev1.")).extract().asString();
        // events 6 and 7 deleted and the head saved after event 5 (validly sealed back then) put back
        String restore = "update audit_head set seq = " + oldHead.get("seq") + ", hash = '" + oldHead.get("hash")
                + "', seal = '" + oldHead.get("seal") + "' where chain = " + chain;
        tamperBypassingTrigger("delete from audit_event where seq > 5 and chain = " + chain, restore);
        assertBroken(6, "the checkpoint of");

        // the owner removes the stored checkpoints too: the database alone can no longer tell ...
        asSuperuser("alter table audit_checkpoint disable trigger audit_checkpoint_append_only",
                "delete from audit_checkpoint",
                "alter table audit_checkpoint enable trigger audit_checkpoint_append_only");
        verify().body("intact", equalTo(true));
        // ... but the auditor's copy can
        auditor().contentType(ContentType.JSON).body(auditorsCopy).post(VERIFICATIONS).then().statusCode(200)
                .body("intact", equalTo(false)).body("firstBrokenLink.chain", equalTo(chain))
                .body("firstBrokenLink.seq", equalTo(6)).body("firstBrokenLink.reason", containsString("saw this chain at 7"));
    }

    @Test
    void anIntactChainVerifiesAgainstTheAuditorsCheckpoint() {
        checkpoints.take();
        String copy = auditor().get(LATEST_CHECKPOINT).then().statusCode(200).extract().asString();
        append("card-1", 6);
        auditor().contentType(ContentType.JSON).body(copy).post(VERIFICATIONS).then().statusCode(200)
                .body("intact", equalTo(true)).body("verifiedEvents", equalTo(6));
    }

    @Test
    void aStoredCheckpointWithAnInvalidSignatureIsNamed() {
        checkpoints.take();
        // the owner edits the stored checkpoint to match a shorter chain
        asSuperuser("alter table audit_checkpoint disable trigger audit_checkpoint_append_only",
                "update audit_checkpoint set body = replace(body, '\"seq\":5', '\"seq\":4')",
                "alter table audit_checkpoint enable trigger audit_checkpoint_append_only");
        verify().body("intact", equalTo(false)).body("firstBrokenLink.reason", containsString("not signed"));
    }

    @Test
    void aCheckpointWithAnInvalidSignatureIsRefused() {
        checkpoints.take();
        String copy = auditor().get(LATEST_CHECKPOINT).then().statusCode(200).extract().asString();
        auditor().contentType(ContentType.JSON).body(copy.replace("\"seq\":5", "\"seq\":4")).post(VERIFICATIONS)
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://fraudshield.io/problems/audit-checkpoint-invalid"));
        auditor().contentType(ContentType.JSON).body("{\"createdAt\":\"2026-11-29T00:00:00Z\",\"heads\":[]}")
                .post(VERIFICATIONS).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void noCheckpointYetIs404() {
        auditor().get(LATEST_CHECKPOINT).then().statusCode(404).contentType("application/problem+json");
    }

    // ---------- key rotation ----------

    @Test
    void eventsSealedUnderARetiredKeyStillVerify() {
        // rotate: next2 becomes the active key, dev1 stays configured for what it sealed
        QuarkusMock.installMockForType(new AuditKeys(SERVICE, "next2", Map.of("dev1", DEV_KEY, "next2", NEXT_KEY)), AuditKeys.class);
        AuditEvent sixth = append("card-1", 6);
        assertTrue(sixth.seal().startsWith("next2."), sixth.seal());
        verify().body("intact", equalTo(true)).body("verifiedEvents", equalTo(6));
        checkpoints.take();
        auditor().get(LATEST_CHECKPOINT).then().body("signature", startsWith("next2."));
        verify().body("intact", equalTo(true));

        // a service that lost the old key cannot vouch for what it sealed
        QuarkusMock.installMockForType(new AuditKeys(SERVICE, "next2", Map.of("next2", NEXT_KEY)), AuditKeys.class);
        verify().body("intact", equalTo(false))
                .body("firstBrokenLink.reason", containsString("audit key this service does not have (dev1)"));
    }

    // ---------- the runtime role ----------

    @Test
    void theRuntimeRoleCannotRewriteTheAuditTrail() {
        String where = " where chain = " + chain + " and seq = 1";
        for (String sql : List.of("update audit_event set actor = 'x'" + where, "delete from audit_event" + where,
                "truncate audit_event", "alter table audit_event disable trigger audit_event_append_only",
                "alter table audit_head disable trigger audit_head_moves_one_step",
                "alter table audit_checkpoint disable trigger audit_checkpoint_numbered",
                "create temp table audit_event (chain int)", "create temp table audit_shadow (id int)",
                "drop trigger audit_event_append_only on audit_event", "alter table audit_event drop column seal",
                "update audit_checkpoint set body = '{}'", "delete from audit_checkpoint",
                "delete from audit_head where chain = " + chain, "create table audit_shadow (id int)")) {
            SQLException refused = assertThrows(SQLException.class, () -> TestSql.execute(runtimeRole, sql), sql);
            assertEquals("42501", refused.getSQLState(), sql + ": " + refused.getMessage());
        }
        verify().body("intact", equalTo(true)).body("verifiedEvents", equalTo(5));
    }

    // ---------- checkpoints: numbered by the database and chained ----------

    @Test
    void theRuntimeRoleCannotPinAnOldCheckpointAsTheLatest() {
        checkpoints.take();
        String oldBody = TestSql.text(superuser(), "select body from audit_checkpoint order by id limit 1");
        append("card-1", 6);
        checkpoints.take();
        // the runtime role puts the old signed body back with the highest id there is, and an old time
        asRuntimeRole("insert into audit_checkpoint (id, created_at, body) values (9223372036854775807,"
                + " '2020-01-01T00:00:00Z', '" + oldBody + "')");
        assertEquals(0, TestSql.number(superuser(), "select count(*) from audit_checkpoint where id = 9223372036854775807"
                + " or created_at < '2026-01-01'"));
        String newest = checkpoints.take().signature();
        auditor().get(LATEST_CHECKPOINT).then().statusCode(200).body("signature", equalTo(newest));
        // the replayed body does not link to the checkpoint stored before it
        verify().body("intact", equalTo(false)).body("firstBrokenLink.chain", nullValue())
                .body("firstBrokenLink.reason", containsString("does not follow the one stored before it"));
    }

    @Test
    void aCheckpointRemovedFromTheMiddleIsNamed() {
        checkpoints.take();
        append("card-1", 6);
        checkpoints.take();
        append("card-1", 7);
        checkpoints.take();
        verify().body("intact", equalTo(true));
        asSuperuser("alter table audit_checkpoint disable trigger audit_checkpoint_append_only",
                "delete from audit_checkpoint where id = (select id from audit_checkpoint order by id offset 1 limit 1)",
                "alter table audit_checkpoint enable trigger audit_checkpoint_append_only");
        verify().body("intact", equalTo(false))
                .body("firstBrokenLink.reason", containsString("does not follow the one stored before it"));
    }

    // ---------- heads: genesis only, one step forward ----------

    @Test
    void theRuntimeRoleCannotRewindOrMakeUpAHead() {
        for (String sql : List.of("update audit_head set seq = 0, hash = 'GENESIS' where chain = " + chain,
                "update audit_head set seq = seq + 1 where chain = " + chain,
                "insert into audit_head (chain, seq, hash) values (99, 5, 'GENESIS')")) {
            SQLException refused = assertThrows(SQLException.class, () -> TestSql.execute(runtimeRole, sql), sql);
            assertTrue(refused.getMessage().contains("audit_head"), sql + ": " + refused.getMessage());
        }
        assertEquals(6, append("card-1", 6).seq());
        verify().body("intact", equalTo(true)).body("verifiedEvents", equalTo(6));
    }

    @Test
    void twoObjectsOfOneChainLockedByTwoCallsOfOneWriteAppendOneAfterTheOther() throws Exception {
        // a person whose chain is card-1's: the confirmation locks the card's chain, the bulk-opening signal the person's
        String person = java.util.stream.IntStream.range(0, 10_000).mapToObj(i -> "person-" + i)
                .filter(id -> audit.chainOf(new AuditTrail.Subject("person", id)) == chain).findFirst().orElseThrow();
        try (java.sql.Connection connection = runtimeRole.getConnection()) {
            connection.setAutoCommit(false);
            io.fraudshield.common.sql.RoundTrip first = new io.fraudshield.common.sql.RoundTrip();
            AuditTrail.Heads heads = audit.lockHeadsIn(first, new AuditTrail.Subject("card", "card-1"));
            heads.read(first.run(connection));
            io.fraudshield.common.sql.RoundTrip last = new io.fraudshield.common.sql.RoundTrip();
            AuditEvent card = audit.appendIn(last, heads, OFFICER,
                    new AuditEntry("card.confirmed", "RULES A1", "card", "card-1", null, Map.of("i", 6)));
            io.fraudshield.common.sql.RoundTrip more = new io.fraudshield.common.sql.RoundTrip();
            audit.lockMoreHeadsIn(more, heads, new AuditTrail.Subject("person", person));
            heads.read(more.run(connection));
            AuditEvent signal = audit.appendIn(last, heads, OFFICER,
                    new AuditEntry("signal.bulk-opening", "RULES A3", "person", person, null, Map.of("i", 7)));
            last.run(connection);
            connection.commit();
            assertEquals(6, card.seq());
            assertEquals(7, signal.seq(), "the second lock of the chain keeps the first append");
        }
        verify().body("intact", equalTo(true)).body("verifiedEvents", equalTo(7));
    }

    @Test
    void aBatchMovesEachHeadOnceOverItsEventsButNoHeadJumpsOverAMissingEvent() {
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            entries.add(new AuditEntry("card.changed", "RULES A1", "card", "card-" + (i % 20), null, Map.of("i", i)));
        }
        List<AuditEvent> appended = QuarkusTransaction.requiringNew().call(() -> batch.appendAll(OFFICER, entries));
        List<Long> cardOne = appended.stream().filter(e -> e.objectId().equals("card-1")).map(AuditEvent::seq).toList();
        assertEquals(2, cardOne.size());
        assertTrue(5 < cardOne.get(0) && cardOne.get(0) < cardOne.get(1), "card-1's new events follow its five, in order");
        verify().body("intact", equalTo(true)).body("verifiedEvents", equalTo(45));

        // a stored event two steps ahead, with nothing between: the head may not jump to it
        AuditEvent last = events().get(events().size() - 1);
        long ahead = last.seq() + 2;
        String insert = "insert into audit_event (chain, seq, occurred_at, actor, role, participant, action, object_type,"
                + " object_id, prev_hash, hash, seal) values (" + chain + ", " + ahead + ", now(), 'x', 'x', 'x', 'x', 'card',"
                + " 'card-1', '" + last.hash() + "', '" + "f".repeat(64) + "', 'x')";
        String jump = "update audit_head set seq = " + ahead + ", hash = '" + "f".repeat(64) + "' where chain = " + chain;
        SQLException refused = assertThrows(SQLException.class, () -> TestSql.execute(runtimeRole, insert, jump));
        assertTrue(refused.getMessage().contains("audit_head"), refused.getMessage());
    }

    @Test
    void anUnsealedHeadIsLeftOutOfTheCheckpointWhileTheHealthyChainsAreSigned() {
        // a genesis head is all the runtime role may insert; unsealed, it must not stop every checkpoint
        asRuntimeRole("insert into audit_head (chain, seq, hash) values (99, 0, 'GENESIS')");
        AuditCheckpoint checkpoint = checkpoints.take();
        assertEquals(16, checkpoint.heads().size());
        assertTrue(checkpoint.heads().stream().noneMatch(head -> head.chain() == 99));
        assertTrue(checkpoint.heads().stream().anyMatch(head -> head.chain() == chain && head.seq() == 5));
        verify().body("intact", equalTo(false)).body("firstBrokenLink.chain", equalTo(99))
                .body("firstBrokenLink.reason", containsString("carries no seal"));
    }

    @Test
    void genesisDoesNotRecreateTheHighestChainsOnceTheDatabaseIsInUse() {
        tamperBypassingTrigger("delete from audit_event where chain = 15", "delete from audit_head where chain = 15");
        assertEquals(0, genesis.createMissingHeads());
        assertEquals(0, TestSql.number(superuser(), "select count(*) from audit_head where chain = 15"));
        verify().body("intact", equalTo(false)).body("firstBrokenLink.chain", equalTo(15))
                .body("firstBrokenLink.reason", containsString("missing"));
    }

    // ---------- seals name the service ----------

    @Test
    void aHeadSealCopiedFromAnotherServiceDoesNotVerify() {
        // the same audit key, but the genesis head as another service's database holds it
        AuditKeys otherService = new AuditKeys("card-limit-service", "dev1", Map.of("dev1", DEV_KEY));
        tamperBypassingTrigger("delete from audit_event where chain = " + chain,
                "update audit_head set seq = 0, hash = 'GENESIS', seal = '"
                        + otherService.seal("audit-head", chain + ":0:GENESIS") + "' where chain = " + chain);
        assertBroken(1, "head (at 0) has a seal that does not match");
    }

    // ---------- the runtime role ----------

    @Test
    void theServiceRefusesToStartWhenItsUserMayDeleteHeadsOrCreateTemporaryTables() {
        String runtime = TestSql.text(runtimeRole, "select current_user");
        String database = TestSql.text(runtimeRole, "select current_database()");
        for (String[] grant : List.of(new String[] {"grant delete on audit_head to " + runtime, "revoke delete on audit_head from " + runtime},
                new String[] {"grant update on audit_checkpoint to " + runtime, "revoke update on audit_checkpoint from " + runtime},
                new String[] {"grant temporary on database " + database + " to " + runtime,
                        "revoke temporary on database " + database + " from " + runtime})) {
            asSuperuser(grant[0]);
            try {
                IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new RuntimeRoleCheck(runtimeRole));
                assertTrue(refused.getMessage().contains("may rewrite or shadow"), refused.getMessage());
            } finally {
                asSuperuser(grant[1]);
            }
        }
        new RuntimeRoleCheck(runtimeRole);
    }

    @Test
    void onlyAuditorsRegulatorsAndAdminsMayVerify() {
        String bank = TestTokens.bearer("bank", "B102");
        given().header("Authorization", bank).get(VERIFY).then().statusCode(403);
        given().header("Authorization", bank).get(LATEST_CHECKPOINT).then().statusCode(403);
        given().header("Authorization", bank).contentType(ContentType.JSON).body("{}").post(VERIFICATIONS)
                .then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("regulator", "PBOC")).get(VERIFY).then().statusCode(200);
    }

    // ---------- helpers ----------

    private AuditEvent append(String card, int version) {
        return QuarkusTransaction.requiringNew().call(() -> audit.append(OFFICER,
                new AuditEntry("card.changed", "RULES A1", "card", card, Map.of("version", version - 1),
                        Map.of("version", version))));
    }

    private static RequestSpecification auditor() {
        return given().header("Authorization", TestTokens.bearer("auditor", "AUD01"));
    }

    private ValidatableResponse verify() {
        return auditor().get(VERIFY).then().statusCode(200);
    }

    private void assertBroken(int seq, String reason) {
        verify().body("intact", equalTo(false)).body("firstBrokenLink.chain", equalTo(chain))
                .body("firstBrokenLink.seq", equalTo(seq)).body("firstBrokenLink.reason", containsString(reason));
    }

    /** The events of card-1's chain, as stored. */
    private List<AuditEvent> events() {
        List<AuditEvent> events = new ArrayList<>();
        try (Connection connection = superuser().getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select chain, seq, occurred_at, actor, role, participant, action,"
                     + " legal_basis, object_type, object_id, before_digest, after_digest, prev_hash, hash, seal"
                     + " from audit_event where chain = " + chain + " order by seq")) {
            while (rows.next()) {
                events.add(new AuditEvent(rows.getInt(1), rows.getLong(2), rows.getTimestamp(3).toInstant(),
                        rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8),
                        rows.getString(9), rows.getString(10), rows.getString(11), rows.getString(12),
                        rows.getString(13), rows.getString(14), rows.getString(15)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return events;
    }

    /** card-1's chain head as a copy the owner could keep for later. */
    private Map<String, String> headRow() {
        DataSource superuser = superuser();
        String where = " from audit_head where chain = " + chain;
        return Map.of("seq", TestSql.text(superuser, "select seq" + where),
                "hash", TestSql.text(superuser, "select hash" + where),
                "seal", TestSql.text(superuser, "select seal" + where));
    }

    /** What the database superuser can do: switch the guard off, edit, switch it back on. */
    private void tamperBypassingTrigger(String... statements) {
        String[] all = new String[statements.length + 4];
        all[0] = "alter table audit_event disable trigger audit_event_append_only";
        all[1] = "alter table audit_head disable trigger audit_head_moves_one_step";
        System.arraycopy(statements, 0, all, 2, statements.length);
        all[all.length - 2] = "alter table audit_head enable trigger audit_head_moves_one_step";
        all[all.length - 1] = "alter table audit_event enable trigger audit_event_append_only";
        asSuperuser(all);
    }

    private void asRuntimeRole(String... statements) {
        try {
            TestSql.execute(runtimeRole, statements);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void asSuperuser(String... statements) {
        try {
            TestSql.execute(superuser(), statements);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private DataSource superuser() {
        return TestSql.superuser(jdbcUrl);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
