package io.fraudshield.cardlimit.card;

import io.agroal.api.AgroalDataSource;
import io.fraudshield.cardlimit.BankClient;
import io.fraudshield.common.identifier.CardNumber;
import io.fraudshield.common.pseudonym.PseudonymConfig;
import io.fraudshield.common.pseudonym.Pseudonymizer;
import io.fraudshield.localstack.TestPeople;
import io.fraudshield.localstack.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/** Core systems name cards by number, in the body: found and closed under every live key, never another bank's. */
@QuarkusTest
class CardByNumberTest {

    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "fraudshield.pseudonym.keys.old1")
    String oldKey;

    @Test
    void aCardIsFoundAndClosedByItsNumberOnlyAtItsOwnBank() throws Exception {
        BankClient bank = BankClient.of("B341");
        BankClient other = BankClient.of("B342");
        String number = TestPeople.cardNumber();
        String reservation = bank.reserveDebitCard(TestPeople.residentId()).then().statusCode(201).extract().path("id");
        bank.confirm(reservation, number).then().statusCode(200);
        String body = "{\"cardNumber\":\"" + number + "\"}";

        bank.request().body(body).post("/v1/card-lookups").then().statusCode(200).body("id", equalTo(reservation))
                .body("state", equalTo("ACTIVE")).body(not(containsString(number)));
        other.request().body(body).post("/v1/card-lookups").then().statusCode(404).body(not(containsString(number)));
        other.idempotent().body(body).post("/v1/card-closures").then().statusCode(404);
        bank.request().body("{\"cardNumber\":\"" + TestPeople.cardNumber() + "\"}").post("/v1/card-lookups").then().statusCode(404);
        bank.request().body("{\"cardNumber\":\"6222021234567895\"}").post("/v1/card-lookups").then().statusCode(400);
        bank.request().body("{}").post("/v1/card-lookups").then().statusCode(400);
        bank.request().body(body).post("/v1/card-closures").then().statusCode(400)
                .body("type", equalTo("https://fraudshield.io/problems/idempotency-key-missing"));

        // the card was registered under the older key of a rotation in progress: still found, still closed
        TestSql.execute(dataSource, "update card_slot set card_ref = '" + oldKeyPseudonymizer().cardRef(CardNumber.of(number))
                + "' where id = '" + reservation + "'");
        bank.request().body(body).post("/v1/card-lookups").then().statusCode(200).body("id", equalTo(reservation));
        bank.idempotent().body(body).post("/v1/card-closures").then().statusCode(200).body("state", equalTo("CLOSED"));
        bank.request().get("/v1/cards/" + reservation).then().body("state", equalTo("CLOSED"));
        bank.idempotent().body(body).post("/v1/card-closures").then().statusCode(200).body("state", equalTo("CLOSED"));
    }

    private Pseudonymizer oldKeyPseudonymizer() {
        return new Pseudonymizer(new PseudonymConfig() {
            @Override
            public String activeKeyId() {
                return "old1";
            }

            @Override
            public Map<String, String> keys() {
                return Map.of("old1", oldKey);
            }
        });
    }
}
