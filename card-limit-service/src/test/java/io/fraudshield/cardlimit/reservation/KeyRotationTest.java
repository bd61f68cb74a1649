package io.fraudshield.cardlimit.reservation;

import io.agroal.api.AgroalDataSource;
import io.fraudshield.cardlimit.BankClient;
import io.fraudshield.common.identifier.CardNumber;
import io.fraudshield.common.identifier.DocumentType;
import io.fraudshield.common.identifier.PersonDocument;
import io.fraudshield.common.pseudonym.PseudonymConfig;
import io.fraudshield.common.pseudonym.Pseudonymizer;
import io.fraudshield.localstack.TestPeople;
import io.fraudshield.localstack.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A key rotation in progress: the test profile keeps an older key {@code old1} live next to the active
 * {@code dev1}. Cards registered under the old key still count, and their numbers are still taken.
 */
@QuarkusTest
class KeyRotationTest {

    private final BankClient bank = BankClient.of("B131");

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Pseudonymizer active;
    @ConfigProperty(name = "fraudshield.pseudonym.keys.old1")
    String oldKey;

    @Test
    void cardsUnderTheOldKeyStillCountAndTheirNumbersStayTaken() throws Exception {
        Pseudonymizer old = new Pseudonymizer(new PseudonymConfig() {
            @Override
            public String activeKeyId() {
                return "old1";
            }

            @Override
            public Map<String, String> keys() {
                return Map.of("old1", oldKey);
            }
        });
        String customer = TestPeople.residentId();
        String oldRef = old.customerRef(PersonDocument.of(DocumentType.RESIDENT_ID, customer));
        List<String> cards = new ArrayList<>();
        List<String> statements = new ArrayList<>();
        // as the person-link migration left them: the old reference is its own person
        statements.add("insert into person_link (person_ref, person_id) values ('" + oldRef + "', gen_random_uuid())");
        for (int i = 0; i < 4; i++) {
            String card = TestPeople.cardNumber();
            cards.add(card);
            statements.add("insert into card_slot (id, bank, customer_ref, account_class, card_category, state, channel,"
                    + " card_ref, card_bin, card_last4, source, created_by, confirmed_at) values (gen_random_uuid(), 'B131', '"
                    + oldRef + "', 'CLASS_II', 'DEBIT_CARD', 'ACTIVE', 'COUNTER', '" + old.cardRef(CardNumber.of(card))
                    + "', '622202', '" + card.substring(card.length() - 4) + "', 'OPENING', 'before-rotation', now())");
        }
        TestSql.execute(dataSource, statements.toArray(new String[0]));

        bank.reserveDebitCard(customer).then().statusCode(200)
                .body("customerRef", startsWith("dev1.")).body("decision", equalTo("DENY"))
                .body("reasons", contains("DEBIT_CARD_LIMIT"))
                .body("holdings.find { it.limit == 'DEBIT_CARDS' }.active", equalTo(4));

        String other = bank.reserveDebitCard(TestPeople.residentId()).then().statusCode(201).extract().path("id");
        bank.confirm(other, cards.get(0)).then().statusCode(409)
                .body("type", equalTo("https://fraudshield.io/problems/duplicate"));
        bank.confirm(other).then().statusCode(200);

        // a stock upload presenting an old card again moves it to the active key instead of registering it twice
        String line = "{\"customer\":" + TestPeople.document(customer) + ",\"accountClass\":\"CLASS_II\","
                + "\"card\":\"DEBIT_CARD\",\"cardNumber\":\"" + cards.get(1) + "\",\"state\":\"ACTIVE\"}\n";
        bank.idempotent().contentType("application/x-ndjson").body(line.getBytes(StandardCharsets.UTF_8))
                .post("/v1/stock-uploads").then().statusCode(201).body("linesAccepted", equalTo(1));
        String oldCardRef = old.cardRef(CardNumber.of(cards.get(1)));
        assertEquals(0, TestSql.number(dataSource, "select count(*) from card_slot where card_ref = ?", oldCardRef));
        assertEquals(1, TestSql.number(dataSource, "select count(*) from card_slot where bank = 'B131' and card_ref = ?",
                active.cardRef(CardNumber.of(cards.get(1)))));
        bank.reserveDebitCard(customer).then().statusCode(200)
                .body("holdings.find { it.limit == 'DEBIT_CARDS' }.active", equalTo(4));
    }
}
