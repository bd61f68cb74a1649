package io.fraudshield.stoppayment.order;

import io.fraudshield.stoppayment.Actor;
import io.fraudshield.stoppayment.Bodies;
import io.fraudshield.stoppayment.Scenario;
import io.fraudshield.stoppayment.TransactionsByRequest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET of an order: read without write machinery (no JTA transaction, entities read-only), tenancy unchanged. */
@QuarkusTest
class OrderReadsTest {

    @Inject
    TransactionsByRequest transactions;

    @Test
    void anOrderIsReadWithoutBeginningATransaction() {
        Scenario scenario = new Scenario();
        Scenario.Bank bank = scenario.bank(null, false);
        String order = scenario.officer.post("/v1/orders", Bodies.stop(scenario.caseNumber, bank.code(), bank.account(),
                "Zhao Liu", "3000.00")).then().statusCode(201).extract().path("id");
        assertTrue(transactions.begunBy("POST", "/v1/orders") > 0, "the recorder sees the submission's transaction");

        for (Actor reader : new Actor[]{scenario.officer, bank.actor(), Actor.regulator()}) {
            reader.get("/v1/orders/" + order).then().statusCode(200)
                    .body("id", equalTo(order)).body("caseNumber", equalTo(scenario.caseNumber))
                    .body("target", equalTo(bank.code()));
        }

        assertEquals(0, transactions.begunBy("GET", "/v1/orders/" + order));
    }

    @Test
    void anotherBanksOrAgencysOrderAndAnUnknownIdAreNotFound() {
        Scenario scenario = new Scenario();
        Scenario.Bank bank = scenario.bank(null, false);
        String order = scenario.officer.post("/v1/orders", Bodies.stop(scenario.caseNumber, bank.code(), bank.account(),
                "Zhao Liu", "3000.00")).then().statusCode(201).extract().path("id");

        scenario.bank(null, false).actor().get("/v1/orders/" + order).then().statusCode(404)
                .contentType("application/problem+json");
        Actor.police(Actor.freshCode("PSB"), "someone-else").get("/v1/orders/" + order).then().statusCode(404);
        scenario.officer.get("/v1/orders/" + UUID.randomUUID()).then().statusCode(404);
    }
}
