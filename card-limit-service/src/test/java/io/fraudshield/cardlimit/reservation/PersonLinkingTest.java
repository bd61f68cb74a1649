package io.fraudshield.cardlimit.reservation;

import io.agroal.api.AgroalDataSource;
import io.fraudshield.cardlimit.BankClient;
import io.fraudshield.cardlimit.Race;
import io.fraudshield.localstack.TestPeople;
import io.fraudshield.localstack.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static io.fraudshield.cardlimit.BankClient.openingOf;
import static io.fraudshield.cardlimit.BankClient.passport;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One person, one count: every document of a person, linked, counts together (issue 7). */
@QuarkusTest
class PersonLinkingTest {

    private static final AtomicLong PASSPORTS = new AtomicLong(System.nanoTime() % 1_000_000);

    private final BankClient bank = BankClient.of("B121");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aResidentIdAloneSeesTheCardsOpenedWithThePassportItWasPresentedWith() {
        String residentId = TestPeople.residentId();
        String passportNumber = passportNumber();
        String both = openingOf(passport(passportNumber, "USA"), "[" + TestPeople.document(residentId) + "]",
                "CLASS_II", "DEBIT_CARD", "COUNTER", null, null);
        for (int i = 0; i < 4; i++) {
            String id = bank.reserve(both).then().statusCode(201).extract().path("id");
            bank.confirm(id).then().statusCode(200);
        }
        bank.reserveDebitCard(residentId).then().statusCode(200).body("decision", equalTo("DENY"))
                .body("reasons", contains("DEBIT_CARD_LIMIT"))
                .body("holdings.find { it.limit == 'DEBIT_CARDS' }.active", equalTo(4));
        String passportAlone = openingOf(passport(passportNumber, "USA"), null, "CLASS_II", "DEBIT_CARD", "COUNTER",
                null, null);
        bank.request().body(passportAlone).post("/v1/opening-checks").then().body("decision", equalTo("DENY"));
        // the same passport number from another state is another person
        String otherState = openingOf(passport(passportNumber, "GBR"), null, "CLASS_II", "DEBIT_CARD", "COUNTER",
                null, null);
        bank.request().body(otherState).post("/v1/opening-checks").then().body("decision", equalTo("ALLOW"));
        String ref = bank.check(residentId).then().extract().path("customerRef");
        bank.request().get("/v1/customers/" + ref + "/holdings").then().statusCode(200).body("size()", equalTo(4));
    }

    @Test
    void theDryRunLinksNothing() {
        String residentId = TestPeople.residentId();
        String both = openingOf(TestPeople.document(residentId), "[" + passport(passportNumber(), "JPN") + "]",
                "CLASS_II", "DEBIT_CARD", "COUNTER", null, null);
        String ref = bank.request().body(both).post("/v1/opening-checks").then().statusCode(200)
                .body("decision", equalTo("ALLOW")).extract().path("customerRef");
        assertEquals(0, TestSql.number(dataSource, "select count(*) from person_link where person_ref = ?", ref));
    }

    @Test
    void twoPersonsWithCardsBecomeOneOverTheLimitAndTheLinkIsKept() {
        String residentId = TestPeople.residentId();
        String passportNumber = passportNumber();
        String passportAlone = openingOf(passport(passportNumber, "CAN"), null, "CLASS_II", "DEBIT_CARD", "COUNTER",
                null, null);
        for (int i = 0; i < 3; i++) {
            bank.openCard(residentId);
            String id = bank.reserve(passportAlone).then().statusCode(201).extract().path("id");
            bank.confirm(id).then().statusCode(200);
        }
        String both = openingOf(TestPeople.document(residentId), "[" + passport(passportNumber, "CAN") + "]",
                "CLASS_II", "DEBIT_CARD", "COUNTER", null, null);
        bank.reserve(both).then().statusCode(200).body("decision", equalTo("DENY"))
                .body("reasons", contains("OVER_LIMIT_LEGACY"))
                .body("holdings.find { it.limit == 'DEBIT_CARDS' }.active", equalTo(6));
        // the link outlived the refusal: either document alone now counts the union
        bank.request().body(passportAlone).post("/v1/opening-checks").then()
                .body("reasons", contains("OVER_LIMIT_LEGACY"))
                .body("holdings.find { it.limit == 'DEBIT_CARDS' }.active", equalTo(6));
        String ref = bank.check(residentId).then().extract().path("customerRef");
        String person = TestSql.text(dataSource, "select person_id::text from person_link where person_ref = ?", ref);
        assertEquals(1, TestSql.number(dataSource, "select count(*) from audit_event where action = 'person.merged'"
                + " and object_type = 'person' and object_id = ?", person));
    }

    @Test
    void concurrentReservationsThroughThreeDocumentsOfOnePersonGetExactlyFour() throws Exception {
        String residentId = TestPeople.residentId();
        String passportNumber = passportNumber();
        String permanent = "USA" + String.format("%012d", PASSPORTS.incrementAndGet());
        List<String> documents = List.of(TestPeople.document(residentId), passport(passportNumber, "FRA"),
                "{\"type\":\"FOREIGN_PERMANENT_RESIDENT_ID\",\"number\":\"" + permanent + "\"}");
        // linked first by an opening that counts nowhere (an excluded category)
        bank.reserve(openingOf(documents.get(0), "[" + documents.get(1) + "," + documents.get(2) + "]", "CLASS_II",
                "SOCIAL_SECURITY_CARD", "COUNTER", null, null)).then().statusCode(201);
        List<Response> responses = Race.of(32, i -> bank.reserve(openingOf(documents.get(i % 3), null, "CLASS_II",
                "DEBIT_CARD", "COUNTER", null, null)));
        assertTrue(responses.stream().allMatch(r -> r.statusCode() == 200 || r.statusCode() == 201), () -> Race.describe(responses));
        assertEquals(4, responses.stream().filter(r -> r.statusCode() == 201).count(), () -> Race.describe(responses));
    }

    @Test
    void concurrentMergesOfThreeDocumentsNeitherDeadlockNorGrantMoreThanFour() throws Exception {
        List<String> documents = List.of(TestPeople.document(TestPeople.residentId()),
                TestPeople.document(TestPeople.residentId()), passport(passportNumber(), "DEU"));
        // every request presents two of the three documents: each pair merges persons, in every order
        List<Response> responses = Race.of(24, i -> bank.reserve(openingOf(documents.get(i % 3), "["
                + documents.get((i + 1 + i / 3 % 2) % 3) + "]", "CLASS_II", "DEBIT_CARD", "COUNTER", null, null)));
        assertTrue(responses.stream().allMatch(r -> r.statusCode() == 200 || r.statusCode() == 201), () -> Race.describe(responses));
        assertEquals(4, responses.stream().filter(r -> r.statusCode() == 201).count(), () -> Race.describe(responses));
        bank.request().body(openingOf(documents.get(2), null, "CLASS_II", "DEBIT_CARD", "COUNTER", null, null))
                .post("/v1/opening-checks").then().body("holdings.find { it.limit == 'DEBIT_CARDS' }.held", equalTo(4));
    }

    private static String passportNumber() {
        return "E" + String.format("%08d", PASSPORTS.incrementAndGet());
    }
}
