package io.fraudshield.cardlimit.stock;

import io.agroal.api.AgroalDataSource;
import io.fraudshield.cardlimit.BankClient;
import io.fraudshield.common.audit.AuditChainVerifier;
import io.fraudshield.common.identifier.CardNumber;
import io.fraudshield.common.identifier.DocumentType;
import io.fraudshield.common.identifier.PersonDocument;
import io.fraudshield.common.pseudonym.Pseudonymizer;
import io.fraudshield.localstack.TestPeople;
import io.fraudshield.localstack.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An upload's chunks are applied two at a time ({@link StockChunkApplier}): each must still decide as the lines one
 * by one would, commit in order, and leave a committed prefix when one of them dies.
 */
@QuarkusTest
class StockChunkPipelineTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Pseudonymizer pseudonymizer;
    @Inject
    AuditChainVerifier chain;

    @Test
    void documentsLinkedAtTheEndOfOneChunkAreOnePersonForTheNextChunkAppliedAlongsideIt() {
        BankClient bank = BankClient.of("B371");
        String residentId = TestPeople.residentId();
        String passport = BankClient.passport("E" + (10_000_000 + (long) (Math.random() * 89_999_999)), "USA");
        StringBuilder file = new StringBuilder();
        for (int line = 1; line < StockUploadService.CHUNK; line++) {
            file.append(StockUploadTest.line(TestPeople.residentId(), "CLASS_II", "DEBIT_CARD", TestPeople.cardNumber(),
                    "ACTIVE")).append('\n');
        }
        // line 2,000, the first chunk's last: the passport and the resident ID become one person
        file.append("{\"customer\":").append(passport).append(",\"otherDocuments\":[").append(TestPeople.document(residentId))
                .append("],\"accountClass\":\"CLASS_II\",\"card\":\"DEBIT_CARD\",\"cardNumber\":\"")
                .append(TestPeople.cardNumber()).append("\",\"state\":\"ACTIVE\"}\n");
        // line 2,001, the second chunk's first (no card in common with the first chunk, so they overlap): the
        // resident ID's customer with the passport as agent is one person as both, which the first chunk made so
        file.append("{\"customer\":").append(TestPeople.document(residentId)).append(",\"agent\":").append(passport)
                .append(",\"accountClass\":\"CLASS_II\",\"card\":\"DEBIT_CARD\",\"cardNumber\":\"")
                .append(TestPeople.cardNumber()).append("\",\"state\":\"INACTIVE\"}\n");
        for (int line = 2_002; line <= 4_500; line++) {
            file.append(StockUploadTest.line(TestPeople.residentId(), "CLASS_II", "DEBIT_CARD", TestPeople.cardNumber(),
                    "ACTIVE")).append('\n');
        }
        String id = bank.upload(file.toString()).then().statusCode(200).body("linesAccepted", equalTo(4_499))
                .body("linesRejected", equalTo(1)).extract().path("id");
        bank.request().get("/v1/stock-uploads/" + id + "/rejections").then().body("items[0].line", equalTo(2_001))
                .body("items[0].reason", containsString("agent must be someone other than the customer"));
        assertEquals(TestSql.text(dataSource, "select person_id::text from person_link where person_ref = ?",
                        pseudonymizer.customerRef(PersonDocument.of(DocumentType.RESIDENT_ID, residentId))),
                TestSql.text(dataSource, "select l.person_id::text from person_link l join card_slot s on s.customer_ref"
                        + " = l.person_ref where s.stock_upload = ?::uuid and s.stock_line = 2000", id));
    }

    @Test
    void aDocumentLinkedByAStillOpenChunkBringsItsPersonsOtherDocumentsToTheNextChunk() throws SQLException {
        BankClient bank = BankClient.of("B374");
        String passport = BankClient.passport("E" + (10_000_000 + (long) (Math.random() * 89_999_999)), "USA");
        String residentId = TestPeople.residentId();
        String cardX = TestPeople.cardNumber();
        // card X was registered earlier for the passport
        bank.upload(passportLine(passport, "", cardX, "ACTIVE") + "\n").then().statusCode(200)
                .body("linesAccepted", equalTo(1));
        StringBuilder file = new StringBuilder();
        file.append(passportLine(passport, "", cardX, "ACTIVE")).append('\n'); // line 1: the first chunk reports X
        for (int line = 2; line < 2 * StockUploadService.CHUNK; line++) {
            file.append(StockUploadTest.line(TestPeople.residentId(), "CLASS_II", "DEBIT_CARD", TestPeople.cardNumber(),
                    "ACTIVE")).append('\n');
        }
        // line 4,000, the second chunk's last: the passport with a new resident ID, which joins the passport's person
        file.append(passportLine(passport, TestPeople.document(residentId), TestPeople.cardNumber(), "ACTIVE")).append('\n');
        // line 4,001, the third chunk's first (no card in common with the second): the resident ID alone closes X,
        // the card of its person's passport, while the second chunk is still open (it sleeps in its card insert)
        file.append(StockUploadTest.line(residentId, "CLASS_II", "DEBIT_CARD", cardX, "CLOSED")).append('\n');
        for (int line = 4_002; line <= 4_300; line++) {
            file.append(StockUploadTest.line(TestPeople.residentId(), "CLASS_II", "DEBIT_CARD", TestPeople.cardNumber(),
                    "ACTIVE")).append('\n');
        }
        DataSource owner = TestSql.superuser(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class));
        TestSql.execute(owner, "create or replace function stock_slow_insert() returns trigger language plpgsql as $$"
                        + " begin perform pg_sleep(3); return new; end $$",
                "create trigger stock_slow_insert before insert on card_slot for each row"
                        + " when (new.bank = 'B374' and new.stock_line = 4000) execute function stock_slow_insert()");
        String id;
        try {
            id = bank.upload(file.toString()).then().statusCode(200).body("state", equalTo("COMPLETED"))
                    .body("linesRejected", equalTo(0)).body("linesAccepted", equalTo(4_300)).extract().path("id");
        } finally {
            TestSql.execute(owner, "drop trigger stock_slow_insert on card_slot", "drop function stock_slow_insert()");
        }
        assertEquals("CLOSED", TestSql.text(dataSource, "select state from card_slot where bank = 'B374' and card_ref = ?",
                pseudonymizer.cardRef(CardNumber.of(cardX))));
    }

    @Test
    void aDeadlockOnTheLinkLockAppliesTheChunkAgainInsteadOfFailingTheUpload() throws Exception {
        BankClient bank = BankClient.of("B375");
        String passport = BankClient.passport("E" + (10_000_000 + (long) (Math.random() * 89_999_999)), "USA");
        String residentId = TestPeople.residentId();
        // an earlier upload made the passport and the resident ID one person
        bank.upload(passportLine(passport, TestPeople.document(residentId), TestPeople.cardNumber(), "ACTIVE") + "\n")
                .then().statusCode(200).body("linesAccepted", equalTo(1));
        String residentRef = pseudonymizer.customerRef(PersonDocument.of(DocumentType.RESIDENT_ID, residentId));
        List<String> refs = new ArrayList<>();
        DataSource owner = TestSql.superuser(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class));
        try (Connection blocker = owner.getConnection()) {
            try (PreparedStatement both = blocker.prepareStatement("select person_ref from person_link where person_id ="
                    + " (select person_id from person_link where person_ref = ?) order by person_ref")) {
                both.setString(1, residentRef);
                try (ResultSet rows = both.executeQuery()) {
                    while (rows.next()) {
                        refs.add(rows.getString(1));
                    }
                }
            }
            assertTrue(refs.size() >= 2, "the person's documents (a reference per document and key)");
            blocker.setAutoCommit(false);
            try (java.sql.Statement settings = blocker.createStatement()) {
                settings.execute("set local deadlock_timeout = '30s'"); // so the chunk is the one PostgreSQL aborts
            }
            lockLink(blocker, refs.get(refs.size() - 1));
            // the chunk locks the person's links in sorted order: all but the last, then it waits for the last
            CompletableFuture<io.restassured.response.ValidatableResponse> upload = CompletableFuture.supplyAsync(() ->
                    bank.upload(passportLine(passport, TestPeople.document(residentId), TestPeople.cardNumber(), "ACTIVE")
                            + "\n").then());
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (TestSql.number(owner, "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                    + " and query like '%stock batch: index only%'") == 0) {
                assertTrue(System.nanoTime() < deadline, "the chunk never waited for the link the test holds");
                Thread.sleep(20);
            }
            // now the test waits for the chunk's first link: a cycle, which PostgreSQL breaks by aborting the chunk
            lockLink(blocker, refs.get(0));
            blocker.rollback();
            upload.get(60, java.util.concurrent.TimeUnit.SECONDS).statusCode(200).body("state", equalTo("COMPLETED"))
                    .body("linesAccepted", equalTo(1)).body("linesRejected", equalTo(0));
        }
    }

    private static void lockLink(Connection connection, String ref) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select 1 from person_link where person_ref = ? for update")) {
            lock.setString(1, ref);
            lock.executeQuery().close();
        }
    }

    private static String passportLine(String passport, String otherDocument, String card, String state) {
        return "{\"customer\":" + passport + (otherDocument.isEmpty() ? "" : ",\"otherDocuments\":[" + otherDocument + "]")
                + ",\"accountClass\":\"CLASS_II\",\"card\":\"DEBIT_CARD\",\"cardNumber\":\"" + card
                + "\",\"state\":\"" + state + "\"}";
    }

    @Test
    void chunksCommitInOrderSoEachChainHoldsTheUploadsEventsInLineOrder() throws SQLException {
        // the second chunk sleeps in its card insert, so the third (no card in common) runs alongside it and reaches
        // its audit events first; non-transactional sequences record when each chunk's last line first inserted its
        // card, first appended its audit event (and how often) and last reached its commit
        DataSource owner = TestSql.superuser(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class));
        List<String> install = new ArrayList<>(List.of("create sequence stock_order_clock"));
        for (int line : new int[] {4000, 4001}) {
            install.addAll(List.of("create sequence stock_inserts_" + line, "create sequence stock_inserted_at_" + line,
                    "create sequence stock_appends_" + line,
                    "create sequence stock_appended_at_" + line, "create sequence stock_committed_at_" + line));
        }
        install.addAll(List.of(
                "create function stock_slow_insert() returns trigger language plpgsql security definer as $$ begin"
                        + " if nextval(('stock_inserts_' || new.stock_line)::regclass) = 1 then perform setval("
                        + "('stock_inserted_at_' || new.stock_line)::regclass, nextval('stock_order_clock')); end if;"
                        + " if new.stock_line = 4000 then perform pg_sleep(3); end if; return new; end $$",
                "create trigger stock_slow_insert before insert on card_slot for each row"
                        + " when (new.bank = 'B372' and new.stock_line in (4000, 4001)) execute function stock_slow_insert()",
                "create function stock_audit_order() returns trigger language plpgsql security definer as $$"
                        + " declare line bigint; begin"
                        + " select stock_line into line from card_slot where id = new.object_id::uuid and bank = 'B372';"
                        + " if line in (4000, 4001) and nextval(('stock_appends_' || line)::regclass) = 1 then"
                        + " perform setval(('stock_appended_at_' || line)::regclass, nextval('stock_order_clock')); end if;"
                        + " return new; end $$",
                "create trigger stock_audit_order before insert on audit_event for each row"
                        + " when (new.object_type = 'card' and new.action = 'card.stock-registered')"
                        + " execute function stock_audit_order()",
                "create function stock_commit_order() returns trigger language plpgsql security definer as $$ begin"
                        + " perform setval(('stock_committed_at_' || new.stock_line)::regclass, nextval('stock_order_clock'));"
                        + " return null; end $$",
                "create constraint trigger stock_commit_order after insert on card_slot deferrable initially deferred"
                        + " for each row when (new.bank = 'B372' and new.stock_line in (4000, 4001))"
                        + " execute function stock_commit_order()"));
        TestSql.execute(owner, install.toArray(String[]::new));
        BankClient bank = BankClient.of("B372");
        int lines = 3 * StockUploadService.CHUNK + 700;
        String id;
        long[] inserted = new long[2];
        long[] appends = new long[2];
        long[] appended = new long[2];
        long[] committed = new long[2];
        try {
            id = bank.upload(lines(lines)).then().statusCode(200).body("linesAccepted", equalTo(lines)).extract().path("id");
            for (int i = 0; i < 2; i++) {
                inserted[i] = sequence(owner, "stock_inserted_at_" + (4000 + i));
                appends[i] = sequence(owner, "stock_appends_" + (4000 + i));
                appended[i] = sequence(owner, "stock_appended_at_" + (4000 + i));
                committed[i] = sequence(owner, "stock_committed_at_" + (4000 + i));
            }
        } finally {
            List<String> uninstall = new ArrayList<>(List.of("drop trigger stock_slow_insert on card_slot",
                    "drop trigger stock_audit_order on audit_event", "drop trigger stock_commit_order on card_slot",
                    "drop function stock_slow_insert()", "drop function stock_audit_order()",
                    "drop function stock_commit_order()", "drop sequence stock_order_clock"));
            for (int line : new int[] {4000, 4001}) {
                uninstall.add("drop sequence stock_inserts_" + line + ", stock_inserted_at_" + line + ", stock_appends_" + line + ", stock_appended_at_"
                        + line + ", stock_committed_at_" + line);
            }
            TestSql.execute(owner, uninstall.toArray(String[]::new));
        }
        assertTrue(inserted[1] < committed[0], "the third chunk first wrote its cards while the second was open");
        assertEquals(1, appends[0], "the second chunk's audit events were appended once (not rolled back)");
        assertEquals(1, appends[1], "the third chunk's audit events were appended once (no deadlock, no retry)");
        assertTrue(appended[0] < appended[1], "the third chunk appended its audit events after the second");
        assertTrue(committed[0] < committed[1], "the third chunk committed after the second");

        List<long[]> events = chainAndLineOfEachEvent(id);
        assertEquals(lines, events.size());
        for (int i = 1; i < events.size(); i++) {
            long[] before = events.get(i - 1);
            long[] after = events.get(i);
            if (before[0] == after[0]) {
                assertTrue(before[1] < after[1], "chain " + after[0] + ": line " + before[1] + " then " + after[1]);
            }
        }
        assertTrue(chain.verify().intact());
    }

    /** A sequence's last value, 0 if it was never used. */
    private static long sequence(DataSource owner, String name) {
        return TestSql.number(owner, "select case when is_called then last_value else 0 end from " + name);
    }

    @Test
    void aConnectionKilledMidUploadLeavesACommittedPrefixAndTheSameFileAgainCompletesIt() throws SQLException {
        DataSource owner = TestSql.superuser(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class));
        // the second chunk's connection dies inside its card COPY, while the third chunk may be applied alongside it
        TestSql.execute(owner, "create or replace function stock_kill_connection() returns trigger language plpgsql as $$"
                        + " begin perform pg_terminate_backend(pg_backend_pid()); perform pg_sleep(5); return new; end $$",
                "create trigger stock_kill_connection before insert on card_slot for each row"
                        + " when (new.bank = 'B373' and new.stock_line = 3000) execute function stock_kill_connection()");
        BankClient bank = BankClient.of("B373");
        int lines = 3 * StockUploadService.CHUNK + 500;
        String file = lines(lines);
        String failed;
        try {
            failed = bank.upload(file).then().statusCode(200).body("state", equalTo("FAILED"))
                    .body("linesAccepted", equalTo(StockUploadService.CHUNK))
                    .body("linesRead", equalTo(StockUploadService.CHUNK)).extract().path("id");
        } finally {
            TestSql.execute(owner, "drop trigger stock_kill_connection on card_slot", "drop function stock_kill_connection()");
        }
        assertEquals(StockUploadService.CHUNK, TestSql.number(dataSource,
                "select count(*) from card_slot where stock_upload = ?::uuid and stock_line <= 2000", failed));
        assertEquals(0, TestSql.number(dataSource,
                "select count(*) from card_slot where stock_upload = ?::uuid and stock_line > 2000", failed),
                "nothing of the killed chunk, nor of the chunks after it");
        assertEquals(StockUploadService.CHUNK, chainAndLineOfEachEvent(failed).size());

        // the bank uploads the same file again: the first chunk's lines are found as they are, the rest applied
        bank.upload(file).then().statusCode(200).body("state", equalTo("COMPLETED"))
                .body("linesAccepted", equalTo(lines)).body("linesRejected", equalTo(0));
        assertEquals(lines, TestSql.number(dataSource, "select count(*) from card_slot where bank = 'B373'"));
        assertEquals(lines, TestSql.number(dataSource, "select count(*) from audit_event e join card_slot s"
                + " on e.object_type = 'card' and e.object_id = s.id::text where s.bank = 'B373'"),
                "each card registered and audited once over both uploads");
        assertTrue(chain.verify().intact());
    }

    /** Lines of distinct customers, each with a new card: every chunk is exactly {@link StockUploadService#CHUNK}. */
    private static String lines(int count) {
        StringBuilder file = new StringBuilder();
        for (int line = 1; line <= count; line++) {
            file.append(StockUploadTest.line(TestPeople.residentId(), "CLASS_II", "DEBIT_CARD", TestPeople.cardNumber(),
                    line % 7 == 0 ? "CLOSED" : "ACTIVE")).append('\n');
        }
        return file.toString();
    }

    /** The chain and the card's line of each event the upload registered, in chain order. */
    private List<long[]> chainAndLineOfEachEvent(String upload) throws SQLException {
        List<long[]> events = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("select e.chain, s.stock_line from audit_event e"
                     + " join card_slot s on e.object_type = 'card' and e.object_id = s.id::text"
                     + " where s.stock_upload = ?::uuid and e.action = 'card.stock-registered' order by e.chain, e.seq")) {
            statement.setString(1, upload);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    events.add(new long[] {rows.getLong(1), rows.getLong(2)});
                }
            }
        }
        return events;
    }
}
