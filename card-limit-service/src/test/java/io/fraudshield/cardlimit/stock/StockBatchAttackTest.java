package io.fraudshield.cardlimit.stock;

import io.agroal.api.AgroalDataSource;
import io.fraudshield.cardlimit.BankClient;
import io.fraudshield.common.audit.AuditChainVerifier;
import io.fraudshield.common.identifier.CardNumber;
import io.fraudshield.common.identifier.DocumentType;
import io.fraudshield.common.identifier.PersonDocument;
import io.fraudshield.common.pseudonym.Pseudonymizer;
import io.fraudshield.localstack.LocalTokens;
import io.fraudshield.localstack.TestPeople;
import io.fraudshield.localstack.TestSql;
import io.fraudshield.localstack.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lines are applied in batches ({@link StockUploadService#CHUNK} lines in one transaction): a batch must decide
 * exactly as the lines one by one would — under its persons' locks, through the state machine, line by line.
 */
@QuarkusTest
class StockBatchAttackTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Pseudonymizer pseudonymizer;
    @Inject
    AuditChainVerifier chain;

    @Test
    void openingsRacingABatchOfTheirPersonAreDecidedBeforeOrAfterItNeverBetween() throws Exception {
        assertOpeningsRacingTheBatchOfTheirPerson("B361", 1_500);
    }

    @Test
    void openingsRacingTheirPersonsBatchWhileItRunsAlongsideTheChunkBeforeAreDecidedBeforeOrAfterIt() throws Exception {
        // the customer's lines open the third chunk, which takes its locks while the second is still being applied
        assertOpeningsRacingTheBatchOfTheirPerson("B369", 2 * StockUploadService.CHUNK);
    }

    private void assertOpeningsRacingTheBatchOfTheirPerson(String code, int linesBefore) throws Exception {
        BankClient bank = BankClient.of(code);
        String customer = TestPeople.residentId();
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < linesBefore; i++) {
            file.append(StockUploadTest.line(TestPeople.residentId(), "CLASS_II", "DEBIT_CARD", TestPeople.cardNumber(), "ACTIVE")).append('\n');
        }
        for (int i = 0; i < 4; i++) { // the limit: once these are in, no opening of the customer may pass
            file.append(StockUploadTest.line(customer, "CLASS_II", "DEBIT_CARD", TestPeople.cardNumber(), "ACTIVE")).append('\n');
        }
        AtomicBoolean uploaded = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Integer>> openers = new ArrayList<>();
        for (int t = 0; t < 5; t++) {
            // each hold is released at once, so the limit never stops the openings: only the batch's cards may
            openers.add(pool.submit(() -> {
                int granted = 0;
                while (!uploaded.get()) {
                    var held = bank.reserveDebitCard(customer);
                    if (held.statusCode() == 201) {
                        granted++;
                        bank.idempotent().delete("/v1/slot-reservations/" + held.path("id")).then().statusCode(204);
                    }
                }
                return granted;
            }));
        }
        bank.upload(file.toString()).then().statusCode(200).body("linesAccepted", equalTo(linesBefore + 4));
        uploaded.set(true);
        int granted = 0;
        for (Future<Integer> opener : openers) {
            granted += opener.get();
        }
        pool.shutdown();

        String ref = bank.check(customer).then().extract().path("customerRef");
        Duration ttl = ConfigProvider.getConfig().getValue("cardlimit.hold-ttl", Duration.class);
        List<Instant> decided = instants("select held_until from card_slot where bank = '" + code + "' and customer_ref = ?"
                + " and source = 'OPENING'", ref).stream().map(until -> until.minus(ttl)).toList();
        List<Instant> stocked = instants("select created_at from card_slot where bank = '" + code + "' and customer_ref = ?"
                + " and source = 'STOCK'", ref);
        assertEquals(granted, decided.size());
        assertEquals(4, stocked.size());
        // the batch read the clock once it held the person's lock: every opening granted was decided before that;
        // one decided after it saw the four cards and was refused
        Instant batch = stocked.stream().min(Instant::compareTo).orElseThrow();
        assertTrue(decided.stream().allMatch(at -> at.isBefore(batch)), "holds " + decided + ", batch " + batch);
        bank.reserveDebitCard(customer).then().statusCode(200);
    }

    @Test
    void oneBadLineAmongGoodOnesIsTheOnlyLineRejected() {
        BankClient bank = BankClient.of("B362");
        String owner = TestPeople.residentId();
        String taken = TestPeople.cardNumber();
        bank.upload(StockUploadTest.line(owner, "CLASS_II", "DEBIT_CARD", taken, "ACTIVE")).then().statusCode(200);
        StringBuilder file = new StringBuilder();
        List<String> good = new ArrayList<>();
        for (int i = 1; i <= 301; i++) {
            if (i == 151) {
                file.append(StockUploadTest.line(TestPeople.residentId(), "CLASS_II", "DEBIT_CARD", taken, "CLOSED")).append('\n');
                continue;
            }
            String card = TestPeople.cardNumber();
            good.add(card);
            file.append(StockUploadTest.line(TestPeople.residentId(), "CLASS_II", "DEBIT_CARD", card, "ACTIVE")).append('\n');
        }
        String id = bank.upload(file.toString()).then().statusCode(200).body("linesAccepted", equalTo(300))
                .body("linesRejected", equalTo(1)).extract().path("id");
        List<Map<String, Object>> rejections = StockPages.all(bank, "/v1/stock-uploads/" + id + "/rejections", 10);
        assertEquals(List.of(151), rejections.stream().map(r -> r.get("line")).toList());
        assertTrue(((String) rejections.get(0).get("reason")).contains("another customer"));
        assertEquals(300, TestSql.number(dataSource, "select count(*) from card_slot where stock_upload = ?::uuid", id));
        assertEquals(300, good.stream().filter(card -> state("B362", card).equals("ACTIVE")).count());
        assertEquals("ACTIVE", state("B362", taken), "the bad line changed nothing");
    }

    @Test
    void withinOneBatchACardIsNeitherReopenedNorMovedAndTheSecondLineSeesTheFirst() {
        BankClient bank = BankClient.of("B363");
        String customer = TestPeople.residentId();
        String other = TestPeople.residentId();
        String closed = TestPeople.cardNumber();
        String twice = TestPeople.cardNumber();
        String id = bank.upload(String.join("\n",
                        StockUploadTest.line(customer, "CLASS_II", "DEBIT_CARD", closed, "CLOSED"),   // 1 registered closed
                        StockUploadTest.line(customer, "CLASS_II", "DEBIT_CARD", closed, "ACTIVE"),   // 2 reopen: rejected
                        StockUploadTest.line(other, "CLASS_II", "DEBIT_CARD", closed, "CLOSED"),      // 3 move: rejected
                        StockUploadTest.line(customer, "CLASS_II", "DEBIT_CARD", twice, "ACTIVE"),    // 4 registered
                        StockUploadTest.line(customer, "CLASS_II", "DEBIT_CARD", twice, "CLOSED"),    // 5 closes it
                        StockUploadTest.line(customer, "CLASS_II", "DEBIT_CARD", twice, "ACTIVE"),    // 6 reopen: rejected
                        StockUploadTest.line(customer, "CLASS_II", "DEBIT_CARD", twice, "CLOSED")))   // 7 as it is
                .then().statusCode(200).body("linesAccepted", equalTo(4)).body("linesRejected", equalTo(3))
                .extract().path("id");
        Map<Object, Object> reasons = StockPages.all(bank, "/v1/stock-uploads/" + id + "/rejections", 10).stream()
                .collect(Collectors.toMap(r -> r.get("line"), r -> r.get("reason")));
        assertEquals("state: a closed card is never reopened", reasons.get(2));
        assertTrue(((String) reasons.get(3)).contains("another customer"), reasons.toString());
        assertEquals("state: a closed card is never reopened", reasons.get(6));
        assertEquals("CLOSED", state("B363", closed));
        assertEquals("CLOSED", state("B363", twice));
        assertEquals(1, TestSql.number(dataSource, "select count(*) from card_slot where bank = 'B363' and card_ref = ?", ref(twice)));
        assertEquals(7L, TestSql.number(dataSource, "select stock_line from card_slot where bank = 'B363' and card_ref = ?", ref(twice)));
        assertEquals(List.of("card.stock-registered", "card.stock-updated"), stockEvents("B363", twice));
        assertEquals(List.of("card.stock-registered"), stockEvents("B363", closed));
        assertEquals(TestSql.text(dataSource, "select customer_ref from card_slot where card_ref = ?", ref(twice)),
                TestSql.text(dataSource, "select customer_ref from card_slot where card_ref = ?", ref(closed)));
        assertTrue(chain.verify().intact(), "the batched audit appends keep every chain verifiable");
    }

    @Test
    void aReplayedUploadChangesNothingAndItsLinesAreNotTakenTwice() {
        BankClient bank = BankClient.of("B364");
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            file.append(StockUploadTest.line(TestPeople.residentId(), "CLASS_II", "DEBIT_CARD", TestPeople.cardNumber(),
                    i % 5 == 0 ? "CLOSED" : "ACTIVE")).append('\n');
        }
        String key = UUID.randomUUID().toString();
        String upload = bank.createUpload(key, "INCREMENTAL");
        bank.request().header("Idempotency-Key", key).contentType("application/x-ndjson").body(file.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .put(upload + "/lines").then().statusCode(200).body("linesAccepted", equalTo(50));
        long events = TestSql.number(dataSource, "select count(*) from audit_event where participant = 'B364'");
        bank.request().header("Idempotency-Key", key).contentType("application/x-ndjson").body(file.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .put(upload + "/lines").then().statusCode(409);
        // the same file again as a new upload: every card found as it is, nothing registered or audited twice
        bank.upload(file.toString()).then().statusCode(200).body("linesAccepted", equalTo(50)).body("linesRejected", equalTo(0));
        assertEquals(50, TestSql.number(dataSource, "select count(*) from card_slot where bank = 'B364'"));
        assertEquals(events + 2, TestSql.number(dataSource, "select count(*) from audit_event where participant = 'B364'"),
                "only the second upload's created and completed events");
        assertTrue(chain.verify().intact());
    }

    @Test
    void documentsLinkedByAnEarlierLineOfTheBatchMakeOnePersonForTheLaterLines() {
        BankClient bank = BankClient.of("B365");
        String residentId = TestPeople.residentId();
        String passport = BankClient.passport("E" + (10_000_000 + (long) (Math.random() * 89_999_999)), "USA");
        String card = TestPeople.cardNumber();
        String byPassport = "{\"customer\":" + passport + ",\"accountClass\":\"CLASS_II\",\"card\":\"DEBIT_CARD\","
                + "\"cardNumber\":\"" + card + "\",\"state\":\"ACTIVE\"}";
        String byResidentIdBeforeTheLink = StockUploadTest.line(residentId, "CLASS_II", "DEBIT_CARD", card, "INACTIVE");
        String link = "{\"customer\":" + passport + ",\"otherDocuments\":[" + TestPeople.document(residentId)
                + "],\"accountClass\":\"CLASS_II\",\"card\":\"DEBIT_CARD\",\"cardNumber\":\"" + TestPeople.cardNumber()
                + "\",\"state\":\"ACTIVE\"}";
        String byResidentIdAfterTheLink = StockUploadTest.line(residentId, "CLASS_II", "DEBIT_CARD", card, "CLOSED");
        String id = bank.upload(String.join("\n", byPassport, byResidentIdBeforeTheLink, link, byResidentIdAfterTheLink))
                .then().statusCode(200).body("linesAccepted", equalTo(3)).body("linesRejected", equalTo(1))
                .extract().path("id");
        // line 2 came before the documents were linked: then the resident ID was another customer
        bank.request().get("/v1/stock-uploads/" + id + "/rejections").then().body("items[0].line", equalTo(2))
                .body("items[0].reason", org.hamcrest.Matchers.containsString("another customer"));
        assertEquals("CLOSED", state("B365", card));
        bank.check(residentId).then().statusCode(200)
                .body("holdings.find { it.limit == 'DEBIT_CARDS' }.active", equalTo(1));
    }

    @Test
    void aTellerNameWithCopysSpecialCharactersArrivesByteIdenticalInTheCardsAndTheirAuditEvents() {
        // cards and audit events go in by COPY (text format): the token's subject is the one free-text field. A tab,
        // line break or carriage return never gets this far (KernelHardeningTest: such a subject is a 401); COPY's
        // own escapes of them are checked byte for byte in CopyRowsFormTest
        String subject = "teller seven \\N back\\slash \\. \\t \\n 存量清理 é 😀";
        String token = LocalTokens.sign(TestTokens.signingKey(), "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"local\"}",
                "{\"iss\":\"" + LocalTokens.ISSUER + "\",\"aud\":\"" + TestTokens.audience() + "\",\"sub\":"
                        + json(subject) + ",\"upn\":" + json(subject) + ",\"groups\":[\"bank\"],\"participant\":\"B366\","
                        + "\"iat\":" + Instant.now().getEpochSecond() + ",\"exp\":" + Instant.now().plusSeconds(600).getEpochSecond()
                        + ",\"jti\":\"" + UUID.randomUUID() + "\"}");
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            file.append(StockUploadTest.line(TestPeople.residentId(), "CLASS_II", "DEBIT_CARD", TestPeople.cardNumber(),
                    i % 4 == 0 ? "CLOSED" : "ACTIVE")).append('\n');
        }
        String key = UUID.randomUUID().toString();
        String upload = given().header("Authorization", "Bearer " + token).header("Idempotency-Key", key)
                .contentType("application/json").body("{\"mode\":\"INCREMENTAL\"}").post("/v1/stock-uploads")
                .then().statusCode(202).extract().header("Location");
        upload = java.net.URI.create(upload).getPath();
        String id = given().header("Authorization", "Bearer " + token).header("Idempotency-Key", key)
                .contentType("application/x-ndjson").body(file.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .put(upload + "/lines").then().statusCode(200).body("linesAccepted", equalTo(20)).extract().path("id");

        assertEquals(20, TestSql.number(dataSource, "select count(*) from card_slot where stock_upload = ?::uuid"
                + " and created_by = ?", id, subject));
        assertEquals(20, TestSql.number(dataSource, "select count(*) from audit_event e join card_slot s"
                + " on e.object_type = 'card' and e.object_id = s.id::text where s.stock_upload = ?::uuid"
                + " and e.actor = ? and e.legal_basis = ?", id, subject, StockLineRules.LEGAL_BASIS));
        assertTrue(chain.verify().intact(), "each stored event hashes to what was sealed");
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r") + "\"";
    }

    @Test
    void aChunkWhoseCardCopyFailsPartWayLeavesNothingOfItAndTheUploadFails() throws SQLException {
        // the 2,100th card's row fails inside the COPY of its chunk, after the rows before it in that COPY
        assertFailedChunkLeavesNothing("B367", "create trigger stock_copy_poison before insert on card_slot for each row"
                + " when (new.bank = 'B367' and new.stock_line = 2100) execute function stock_copy_poison()");
    }

    @Test
    void aChunkWhoseAuditCopyFailsAfterItsCardsWereCopiedLeavesNothingOfIt() throws SQLException {
        // the cards of the 2,100th line's chunk are copied; the events of that chunk fail the audit COPY (the
        // poison looks the line up, as a trigger's WHEN may not)
        assertFailedChunkLeavesNothing("B368", "create trigger stock_copy_poison before insert on audit_event for each row"
                + " when (new.participant = 'B368' and new.action = 'card.stock-registered')"
                + " execute function stock_copy_poison()");
    }

    /** Uploads 2,500 lines while the trigger fails line 2,100's chunk: the chunks before it stay, nothing of it. */
    private void assertFailedChunkLeavesNothing(String code, String trigger) throws SQLException {
        DataSource owner = TestSql.superuser(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class));
        String table = trigger.contains("on card_slot") ? "card_slot" : "audit_event";
        TestSql.execute(owner, "create or replace function stock_copy_poison() returns trigger language plpgsql as $$"
                + " begin if tg_table_name = 'card_slot' or exists (select 1 from card_slot s where s.id = new.object_id::uuid"
                + " and s.stock_line = 2100) then raise exception 'poisoned row'; end if; return new; end $$", trigger);
        try {
            BankClient bank = BankClient.of(code);
            StringBuilder file = new StringBuilder();
            String poisonedCustomer = null;
            for (int line = 1; line <= 2_500; line++) {
                String customer = TestPeople.residentId();
                poisonedCustomer = line == 2_100 ? customer : poisonedCustomer;
                file.append(StockUploadTest.line(customer, "CLASS_II", "DEBIT_CARD", TestPeople.cardNumber(), "ACTIVE"))
                        .append('\n');
            }
            var upload = bank.upload(file.toString()).then().statusCode(200).body("state", equalTo("FAILED"))
                    .extract();
            String id = upload.path("id");
            long accepted = ((Number) upload.path("linesAccepted")).longValue();

            assertTrue(accepted < 2_100, "the failed chunk is not counted: " + accepted);
            assertEquals(accepted, TestSql.number(dataSource, "select count(*) from card_slot where stock_upload = ?::uuid", id),
                    "the committed chunks' cards, and none of the failed chunk's");
            assertEquals(0, TestSql.number(dataSource, "select count(*) from card_slot where stock_upload = ?::uuid"
                    + " and stock_line >= 2100", id));
            assertEquals(accepted, TestSql.number(dataSource, "select count(*) from audit_event e join card_slot s"
                    + " on e.object_type = 'card' and e.object_id = s.id::text where s.stock_upload = ?::uuid", id));
            assertEquals(0, TestSql.number(dataSource, "select count(*) from person_link where person_ref = ?",
                    pseudonymizer.customerRef(PersonDocument.of(DocumentType.RESIDENT_ID, poisonedCustomer))),
                    "the failed chunk's persons were not linked");
        } finally {
            TestSql.execute(owner, "drop trigger stock_copy_poison on " + table, "drop function stock_copy_poison()");
        }
        assertTrue(chain.verify().intact());
    }

    private List<Instant> instants(String query, String parameter) throws SQLException {
        List<Instant> values = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getTimestamp(1).toInstant());
                }
            }
        }
        return values;
    }

    private String state(String bank, String card) {
        return TestSql.text(dataSource, "select state from card_slot where bank = ? and card_ref = ?", bank, ref(card));
    }

    private List<String> stockEvents(String bank, String card) {
        String id = TestSql.text(dataSource, "select id::text from card_slot where bank = ? and card_ref = ?", bank, ref(card));
        long count = TestSql.number(dataSource, "select count(*) from audit_event where object_type = 'card'"
                + " and object_id = ? and action like 'card.stock-%'", id);
        List<String> actions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            actions.add(TestSql.text(dataSource, "select action from audit_event where object_type = 'card'"
                    + " and object_id = ? and action like 'card.stock-%' order by chain, seq offset " + i + " limit 1", id));
        }
        return actions;
    }

    private String ref(String card) {
        return pseudonymizer.cardRef(CardNumber.of(card));
    }
}
