package io.fraudshield.cardlimit.stock;

import io.agroal.api.AgroalDataSource;
import io.fraudshield.cardlimit.BankClient;
import io.fraudshield.common.identifier.CardNumber;
import io.fraudshield.common.pseudonym.Pseudonymizer;
import io.fraudshield.localstack.TestPeople;
import io.fraudshield.localstack.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stock lines go through the card state machine and the person's locks, like openings; every change is audited. */
@QuarkusTest
class StockLineRulesTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Pseudonymizer pseudonymizer;

    @Test
    void aLineThatWouldEscapeTheStateMachineIsRejectedByNumberAndChangesNothing() {
        BankClient bank = BankClient.of("B311");
        String customer = TestPeople.residentId();
        String stranger = TestPeople.residentId();
        String agent = TestPeople.residentId();
        String apiCard = TestPeople.cardNumber();
        String closing = TestPeople.cardNumber();
        String kept = TestPeople.cardNumber();
        String agentOpened = TestPeople.cardNumber();
        String reservation = bank.reserveDebitCard(customer).then().statusCode(201).extract().path("id");
        bank.confirm(reservation, apiCard).then().statusCode(200);

        bank.upload(String.join("\n",
                        StockUploadTest.line(customer, "CLASS_II", "DEBIT_CARD", closing, "ACTIVE"),
                        StockUploadTest.line(customer, "CLASS_II", "DEBIT_CARD", kept, "ACTIVE"),
                        withAgent(StockUploadTest.line(customer, "CLASS_II", "DEBIT_CARD", agentOpened, "INACTIVE"), agent),
                        // the API card reported as it is: accepted, unchanged
                        StockUploadTest.line(customer, "CLASS_II", "DEBIT_CARD", apiCard, "ACTIVE")))
                .then().statusCode(200).body("linesAccepted", equalTo(4)).body("linesRejected", equalTo(0));

        String second = bank.upload(String.join("\n",
                        StockUploadTest.line(customer, "CLASS_II", "DEBIT_CARD", closing, "CLOSED"),
                        StockUploadTest.line(stranger, "CLASS_II", "DEBIT_CARD", kept, "ACTIVE"),
                        withAgent(StockUploadTest.line(customer, "CLASS_II", "DEBIT_CARD", agentOpened, "ACTIVE"), agent),
                        StockUploadTest.line(customer, "CLASS_II", "DEBIT_CARD", apiCard, "CLOSED"),
                        StockUploadTest.line(customer, "CLASS_II", "SOCIAL_SECURITY_CARD", kept, "ACTIVE"),
                        StockUploadTest.line(customer, "CLASS_II", "DEBIT_CARD", kept, "INACTIVE"),
                        StockUploadTest.line(customer, "CLASS_II", "DEBIT_CARD", kept, "ACTIVE")))
                .then().statusCode(200).body("linesAccepted", equalTo(2)).body("linesRejected", equalTo(5))
                .extract().path("id");
        Map<Object, Object> reasons = StockPages.all(bank, "/v1/stock-uploads/" + second + "/rejections", 100).stream()
                .collect(Collectors.toMap(r -> r.get("line"), r -> r.get("reason")));
        assertEquals(List.of(2, 3, 4, 5, 6), reasons.keySet().stream().sorted().toList());
        assertTrue(((String) reasons.get(2)).contains("another customer"), reasons.toString());
        assertTrue(((String) reasons.get(3)).contains("activated by the agent"), reasons.toString());
        assertTrue(((String) reasons.get(4)).contains("opened through the API"), reasons.toString());
        assertTrue(((String) reasons.get(5)).contains("keeps its account class and category"), reasons.toString());
        assertEquals("state: ACTIVE cannot become INACTIVE", reasons.get(6));

        String third = bank.upload(StockUploadTest.line(customer, "CLASS_II", "DEBIT_CARD", closing, "ACTIVE"))
                .then().statusCode(200).body("linesRejected", equalTo(1)).extract().path("id");
        bank.request().get("/v1/stock-uploads/" + third + "/rejections").then()
                .body("items[0].reason", equalTo("state: a closed card is never reopened"));
        // another bank cannot take the card over, whoever it names
        String elsewhere = BankClient.of("B312").upload(StockUploadTest.line(customer, "CLASS_II", "DEBIT_CARD", kept, "ACTIVE"))
                .then().statusCode(200).body("linesRejected", equalTo(1)).extract().path("id");
        BankClient.of("B312").request().get("/v1/stock-uploads/" + elsewhere + "/rejections").then()
                .body("items[0].reason", org.hamcrest.Matchers.containsString("another bank"));

        assertEquals("CLOSED|DEBIT_CARD|STOCK", slot("B311", closing));
        assertEquals("ACTIVE|DEBIT_CARD|STOCK", slot("B311", kept));
        assertEquals("INACTIVE|DEBIT_CARD|STOCK", slot("B311", agentOpened));
        assertEquals("ACTIVE|DEBIT_CARD|OPENING", slot("B311", apiCard));
        assertEquals(0, TestSql.number(dataSource, "select count(*) from card_slot where bank = 'B312' and card_ref = ?", ref(kept)));
        assertEquals(TestSql.text(dataSource, "select customer_ref from card_slot where card_ref = ?", ref(closing)),
                TestSql.text(dataSource, "select customer_ref from card_slot where card_ref = ?", ref(kept)),
                "the card stays with its customer");

        // every changed card has its own audit events, the unchanged API card none from uploads
        assertEquals(List.of("card.stock-registered", "card.stock-updated"), stockEvents(closing));
        assertEquals(List.of("card.stock-registered"), stockEvents(kept));
        assertEquals(List.of("card.stock-registered"), stockEvents(agentOpened));
        assertEquals(List.of(), stockEvents(apiCard));
    }

    @Test
    void aLineLinksAllTheDocumentsOfThePersonLikeAnOpening() {
        BankClient bank = BankClient.of("B316");
        String residentId = TestPeople.residentId();
        String passportNumber = "E" + (10_000_000 + (long) (Math.random() * 89_999_999));
        String line = "{\"customer\":" + BankClient.passport(passportNumber, "USA") + ",\"otherDocuments\":["
                + TestPeople.document(residentId) + "],\"accountClass\":\"CLASS_II\",\"card\":\"DEBIT_CARD\",\"cardNumber\":\""
                + TestPeople.cardNumber() + "\",\"state\":\"ACTIVE\"}";
        bank.upload(line).then().statusCode(200).body("linesAccepted", equalTo(1));
        // the resident ID alone finds the card reported under the passport: one person, one count
        bank.check(residentId).then().statusCode(200)
                .body("holdings.find { it.limit == 'DEBIT_CARDS' }.active", equalTo(1));
    }

    @Test
    void aFullSnapshotListsTheOpenCardsItMissedAndTheWorkListCountsLiveHolds() {
        BankClient bank = BankClient.of("B313");
        String holder = TestPeople.residentId();
        String other = TestPeople.residentId();
        String forgotten = TestPeople.cardNumber();
        bank.upload(StockUploadTest.line(other, "CLASS_II", "DEBIT_CARD", forgotten, "ACTIVE")).then().statusCode(200);
        String apiCard = TestPeople.cardNumber();
        String opened = bank.reserveDebitCard(other).then().statusCode(201).extract().path("id");
        bank.confirm(opened, apiCard).then().statusCode(200);
        String held = bank.reserveDebitCard(holder).then().statusCode(201).extract().path("id");

        StringBuilder snapshot = new StringBuilder(StockUploadTest.line(other, "CLASS_II", "DEBIT_CARD", apiCard, "ACTIVE"));
        for (int i = 0; i < 4; i++) {
            snapshot.append('\n').append(StockUploadTest.line(holder, "CLASS_II", "DEBIT_CARD", TestPeople.cardNumber(), "ACTIVE"));
        }
        String id = bank.upload(snapshot.toString(), "FULL_SNAPSHOT").then().statusCode(200)
                .body("mode", equalTo("FULL_SNAPSHOT")).body("missingCards", equalTo(1)).extract().path("id");
        List<Map<String, Object>> missing = StockPages.all(bank, "/v1/stock-uploads/" + id + "/missing-cards", 1);
        assertEquals(1, missing.size());
        assertEquals(TestSql.text(dataSource, "select id::text from card_slot where card_ref = ?", ref(forgotten)),
                missing.get(0).get("cardId"));

        // the live hold is as good as a card: 4 stock cards + 1 hold = 5 > 4
        List<Map<String, Object>> work = StockPages.all(bank, "/v1/stock-uploads/" + id + "/work-items", 1);
        Map<String, Object> item = work.stream().filter(w -> w.get("limitKind").equals("DEBIT_CARDS")).findFirst().orElseThrow();
        assertEquals(5, item.get("openCount"));
        List<Map<String, Object>> cards = (List<Map<String, Object>>) item.get("cards");
        assertTrue(cards.stream().anyMatch(c -> c.get("cardId").equals(held) && c.get("state").equals("HELD")), cards.toString());
        // an incremental upload lists nothing as missing
        bank.upload(StockUploadTest.line(other, "CLASS_II", "DEBIT_CARD", apiCard, "ACTIVE")).then()
                .body("missingCards", org.hamcrest.Matchers.nullValue());
    }

    private String slot(String bank, String card) {
        return TestSql.text(dataSource, "select state || '|' || card_category || '|' || source from card_slot"
                + " where bank = ? and card_ref = ?", bank, ref(card));
    }

    private List<String> stockEvents(String card) {
        String id = TestSql.text(dataSource, "select id::text from card_slot where bank = 'B311' and card_ref = ?", ref(card));
        long count = TestSql.number(dataSource, "select count(*) from audit_event where object_type = 'card'"
                + " and object_id = ? and action like 'card.stock-%'", id);
        List<String> actions = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            actions.add(TestSql.text(dataSource, "select action from audit_event where object_type = 'card'"
                    + " and object_id = ? and action like 'card.stock-%' order by occurred_at, seq offset " + i + " limit 1", id));
        }
        return actions;
    }

    private String ref(String card) {
        return pseudonymizer.cardRef(CardNumber.of(card));
    }

    private static String withAgent(String line, String agent) {
        return line.substring(0, line.length() - 1) + ",\"agent\":" + TestPeople.document(agent) + "}";
    }
}
