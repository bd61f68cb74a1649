package io.fraudshield.cardlimit.stock;

import io.fraudshield.cardlimit.BankClient;
import io.fraudshield.localstack.TestPeople;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class StockUploadTest {

    private final BankClient bank = BankClient.of("B301");

    @Test
    void badLinesAreReportedByNumberAndTheWorkListIsRight() {
        String overDebit = TestPeople.residentId();      // 6 open debit cards: over 4
        String atLimit = TestPeople.residentId();        // 4 open: at the limit, not over
        String overClassI = TestPeople.residentId();     // 2 Class I accounts: over 1
        String closedOne = TestPeople.residentId();      // 5 debit cards, one closed: 4 open
        String repeatedCard = TestPeople.cardNumber();
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            file.append(line(overDebit, "CLASS_II", "DEBIT_CARD", TestPeople.cardNumber(), "ACTIVE")).append('\n');      // lines 1-6
        }
        for (int i = 0; i < 3; i++) {
            file.append(line(atLimit, "CLASS_II", "DEBIT_CARD", TestPeople.cardNumber(), "ACTIVE")).append('\n');        // 7-9
        }
        file.append(line(atLimit, "CLASS_II", "DEBIT_CARD", repeatedCard, "ACTIVE")).append('\n');                     // 10
        file.append(line(atLimit, "CLASS_II", "DEBIT_CARD", repeatedCard, "ACTIVE")).append('\n');                     // 11: same card
        file.append("{\"customer\":").append('\n');                                                       // 12: broken JSON
        file.append(line("110105194912310021", "CLASS_II", "DEBIT_CARD", TestPeople.cardNumber(), "ACTIVE")).append('\n'); // 13: bad check digit
        file.append(line(overClassI, "CLASS_I", null, TestPeople.cardNumber(), "ACTIVE")).append('\n');   // 14
        file.append(line(overClassI, "CLASS_I", null, TestPeople.cardNumber(), "INACTIVE")).append('\n'); // 15
        file.append(line(overClassI, "CLASS_II", "DEBIT_CARD", "6222021234567895", "ACTIVE")).append('\n');            // 16: Luhn fails
        file.append("{\"customer\":").append(TestPeople.document(closedOne))
                .append(",\"accountClass\":\"CLASS_II\",\"card\":\"DEBIT_CARD\",\"state\":\"ACTIVE\"}\n");                              // 17: no card
        file.append("{\"colour\":\"red\"}\n");                                                             // 18: unknown field
        file.append("{\"customer\":\"").append("x".repeat(9000)).append("\"}\n");                          // 19: too long
        for (int i = 0; i < 4; i++) {
            file.append(line(closedOne, "CLASS_II", "DEBIT_CARD", TestPeople.cardNumber(), "ACTIVE")).append('\n');      // 20-23
        }
        file.append(line(closedOne, "CLASS_II", "DEBIT_CARD", TestPeople.cardNumber(), "CLOSED")).append('\n');         // 24
        file.append(line(closedOne, "CLASS_II", "SOCIAL_SECURITY_CARD", TestPeople.cardNumber(), "ACTIVE")).append('\n'); // 25
        file.append(line(closedOne, "CLASS_III", "DEBIT_CARD", TestPeople.cardNumber(), "ACTIVE"));              // 26: no newline

        JsonPath upload = bank.idempotent().contentType("application/x-ndjson").body(file.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/v1/stock-uploads").then().statusCode(201).body("state", equalTo("COMPLETED"))
                .extract().jsonPath();
        assertEquals(26, upload.getInt("linesRead"));
        assertEquals(7, upload.getInt("linesRejected"));
        assertEquals(19, upload.getInt("linesAccepted"));
        assertEquals(List.of(12, 13, 16, 17, 18, 19, 26), upload.getList("rejectedLines.line"));
        assertEquals("card: a Class III account has no card", upload.getString("rejectedLines.find { it.line == 26 }.reason"));
        assertEquals("card number fails the Luhn check",
                upload.getString("rejectedLines.find { it.line == 16 }.reason").replace("cardNumber: ", ""));
        assertEquals("cardNumber is missing", upload.getString("rejectedLines.find { it.line == 17 }.reason"));
        assertFalse(upload.prettify().contains("110105194912310021"), "rejected values are never echoed");

        // six debit cards on six Class II accounts: over both the debit-card and the Class II limit
        assertEquals(3, upload.getInt("workListSize"));
        List<Map<String, Object>> work = upload.getList("workList");
        String overDebitRef = bank.check(overDebit).then().extract().path("customerRef");
        String overClassIRef = bank.check(overClassI).then().extract().path("customerRef");
        Map<String, Object> debit = work.stream().filter(w -> w.get("customerRef").equals(overDebitRef)
                && w.get("limitKind").equals("DEBIT_CARDS")).findFirst().orElseThrow();
        assertTrue(work.stream().anyMatch(w -> w.get("customerRef").equals(overDebitRef)
                && w.get("limitKind").equals("CLASS_II_ACCOUNTS") && w.get("openCount").equals(6) && w.get("limit").equals(5)));
        assertEquals("DEBIT_CARDS", debit.get("limitKind"));
        assertEquals(6, debit.get("openCount"));
        assertEquals(4, debit.get("limit"));
        assertEquals(List.of(1, 2, 3, 4, 5, 6), ((List<Map<String, Object>>) debit.get("cards")).stream()
                .map(c -> c.get("stockLine")).toList());
        assertTrue(work.stream().anyMatch(w -> w.get("customerRef").equals(overClassIRef)
                && w.get("limitKind").equals("CLASS_I_ACCOUNTS") && w.get("openCount").equals(2)));

        // stock cards count at opening: the legacy holder can open no more, the closed card freed a slot
        bank.reserveDebitCard(overDebit).then().statusCode(200).body("reasons", contains("OVER_LIMIT_LEGACY"));
        bank.reserveDebitCard(atLimit).then().statusCode(200).body("reasons", contains("DEBIT_CARD_LIMIT"));
        bank.check(closedOne).then().body("decision", equalTo("DENY"));

        String id = upload.getString("id");
        bank.request().get("/v1/stock-uploads/" + id).then().statusCode(200).body("workListSize", equalTo(3));
        BankClient.of("B302").request().get("/v1/stock-uploads/" + id).then().statusCode(404);
    }

    @Inject
    StockUploadService uploads;

    @Test
    void anUploadWhoseReplicaStoppedIsMarkedFailed() {
        BankClient bank = BankClient.of("B305");
        String id = bank.idempotent().contentType("application/x-ndjson")
                .body(line(TestPeople.residentId(), "CLASS_II", "DEBIT_CARD", TestPeople.cardNumber(), "ACTIVE").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/v1/stock-uploads").then().statusCode(201).extract().path("id");
        assertEquals(0, uploads.failStalledBefore(java.time.Instant.now().plusSeconds(60)), "completed uploads stay");
        String stalled = java.util.UUID.randomUUID().toString();
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            StockUpload upload = new StockUpload();
            upload.id = java.util.UUID.fromString(stalled);
            upload.bank = "B305";
            upload.state = StockUploadState.RECEIVING;
            upload.createdBy = "b305-teller";
            upload.createdAt = java.time.Instant.now().minusSeconds(3600);
            upload.progressAt = upload.createdAt;
            io.quarkus.hibernate.orm.panache.Panache.getEntityManager().persist(upload);
        });
        assertEquals(1, uploads.failStalledBefore(java.time.Instant.now().minusSeconds(600)));
        bank.request().get("/v1/stock-uploads/" + stalled).then().statusCode(200).body("state", equalTo("FAILED"))
                .body("failure", org.hamcrest.Matchers.containsString("upload again"));
        bank.request().get("/v1/stock-uploads/" + id).then().body("state", equalTo("COMPLETED"));
    }

    @Test
    void aCustomerFoundOverTheLimitCannotActivateAnAgentOpenedCard() {
        BankClient bank = BankClient.of("B303"); // its own bank: the work-list covers the whole bank
        String customer = TestPeople.residentId();
        String agent = TestPeople.residentId();
        String cardId = bank.reserve(BankClient.opening(customer, "CLASS_II", "DEBIT_CARD", "COUNTER", agent, null))
                .then().statusCode(201).extract().path("id");
        bank.confirm(cardId).then().statusCode(200).body("state", equalTo("INACTIVE"));
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            file.append(line(customer, "CLASS_II", "DEBIT_CARD", TestPeople.cardNumber(), "ACTIVE")).append('\n');
        }
        bank.idempotent().contentType("application/x-ndjson").body(file.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/v1/stock-uploads").then().statusCode(201).body("workListSize", equalTo(1));
        bank.idempotent().body("{\"agent\":" + TestPeople.document(agent) + ",\"channel\":\"COUNTER\"}")
                .post("/v1/cards/" + cardId + "/activation").then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("OVER_LIMIT_LEGACY"));
    }

    @Test
    void uploadsFarBeyondTheJsonBodyLimitStream() {
        BankClient bank = BankClient.of("B304");
        StringBuilder file = new StringBuilder();
        String customer = TestPeople.residentId();
        int lines = 25_000;
        for (int i = 0; i < lines; i++) {
            file.append(line(i % 2 == 0 ? customer : TestPeople.residentId(), "CLASS_III", null,
                    TestPeople.cardNumber(), "CLOSED")).append('\n');
        }
        assertTrue(file.length() > 3 * 1024 * 1024);
        bank.idempotent().contentType("application/x-ndjson").body(file.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/v1/stock-uploads")
                .then().statusCode(201).body("linesAccepted", equalTo(lines)).body("linesRejected", equalTo(0));
        // JSON endpoints keep their 1 MiB limit
        bank.idempotent().body("{\"customer\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}").post("/v1/slot-reservations")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void anUploadNeedsAnIdempotencyKeyAndASecondSendWithItAnswersTheFirstUpload() {
        BankClient bank = BankClient.of("B306");
        byte[] file = line(TestPeople.residentId(), "CLASS_II", "DEBIT_CARD", TestPeople.cardNumber(), "ACTIVE")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        bank.request().contentType("application/x-ndjson").body(file).post("/v1/stock-uploads")
                .then().statusCode(400).body("type", equalTo("https://fraudshield.io/problems/idempotency-key-missing"));

        String key = java.util.UUID.randomUUID().toString();
        var first = bank.request().header("Idempotency-Key", key).contentType("application/x-ndjson").body(file)
                .post("/v1/stock-uploads").then().statusCode(201).header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue())
                .extract();
        String id = first.path("id");
        assertEquals("/v1/stock-uploads/" + id, java.net.URI.create(first.header("Location")).getPath());

        byte[] other = line(TestPeople.residentId(), "CLASS_II", "DEBIT_CARD", TestPeople.cardNumber(), "ACTIVE")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var again = bank.request().header("Idempotency-Key", key).contentType("application/x-ndjson").body(other)
                .post("/v1/stock-uploads").then().statusCode(201).header("Idempotent-Replayed", equalTo("true"))
                .body("id", equalTo(id)).body("linesRead", equalTo(1)).extract();
        assertEquals(first.header("Location"), again.header("Location"));
        // another operator of the same bank has its own keys
        bank.as("b306-second-teller").request().header("Idempotency-Key", key).contentType("application/x-ndjson")
                .body(other).post("/v1/stock-uploads").then().statusCode(201)
                .header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue())
                .body("id", org.hamcrest.Matchers.not(equalTo(id)));
    }

    @Test
    void aSecondSendWhileTheFirstUploadIsStillReceivedIsAConflict() {
        BankClient bank = BankClient.of("B307");
        String key = java.util.UUID.randomUUID().toString();
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            StockUpload upload = new StockUpload();
            upload.id = java.util.UUID.randomUUID();
            upload.bank = "B307";
            upload.state = StockUploadState.RECEIVING;
            upload.createdBy = "b307-teller";
            upload.idempotencyKey = key;
            upload.createdAt = java.time.Instant.now();
            upload.progressAt = upload.createdAt;
            io.quarkus.hibernate.orm.panache.Panache.getEntityManager().persist(upload);
        });
        byte[] file = line(TestPeople.residentId(), "CLASS_II", "DEBIT_CARD", TestPeople.cardNumber(), "ACTIVE")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        bank.request().header("Idempotency-Key", key).contentType("application/x-ndjson").body(file)
                .post("/v1/stock-uploads").then().statusCode(409)
                .body("type", equalTo("https://fraudshield.io/problems/idempotency-in-flight"));

        // once it has ended (here: its replica stopped) the key answers that upload; a retry needs a new key
        assertTrue(uploads.failStalledBefore(java.time.Instant.now().plusSeconds(60)) >= 1);
        bank.request().header("Idempotency-Key", key).contentType("application/x-ndjson").body(file)
                .post("/v1/stock-uploads").then().statusCode(201).header("Idempotent-Replayed", equalTo("true"))
                .body("state", equalTo("FAILED")).body("linesRead", equalTo(0));
    }

    private static String line(String customerId, String accountClass, String category, String card, String state) {
        return "{\"customer\":" + TestPeople.document(customerId) + ",\"accountClass\":\"" + accountClass + "\""
                + (category == null ? "" : ",\"card\":\"" + category + "\"")
                + ",\"cardNumber\":\"" + card + "\",\"state\":\"" + state + "\"}";
    }
}
