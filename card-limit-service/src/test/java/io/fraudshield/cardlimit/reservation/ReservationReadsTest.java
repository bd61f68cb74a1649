package io.fraudshield.cardlimit.reservation;

import io.fraudshield.cardlimit.BankClient;
import io.fraudshield.cardlimit.TransactionsByRequest;
import io.fraudshield.localstack.TestPeople;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET of a reservation: read without write machinery (no JTA transaction, no entity), for the calling bank only. */
@QuarkusTest
class ReservationReadsTest {

    private final BankClient bank = BankClient.of("B102");

    @Inject
    TransactionsByRequest transactions;

    @Test
    void aReservationIsReadWithoutBeginningATransaction() {
        JsonPath held = bank.reserveDebitCard(TestPeople.residentId()).then().statusCode(201).extract().jsonPath();
        String id = held.getString("id");
        // the reservation itself is plain JDBC without JTA; a release still runs in a JTA transaction
        String released = bank.reserveDebitCard(TestPeople.residentId()).then().statusCode(201).extract().path("id");
        bank.request().delete("/v1/slot-reservations/" + released).then().statusCode(204);
        assertTrue(transactions.begunBy("DELETE", "/v1/slot-reservations/" + released) > 0,
                "the recorder sees the release's transaction");

        bank.request().get("/v1/slot-reservations/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("state", equalTo("HELD")).body("decision", equalTo("ALLOW"))
                .body("customerRef", equalTo(held.getString("customerRef")))
                .body("accountClass", equalTo(held.getString("accountClass")))
                .body("cardCategory", equalTo(held.getString("cardCategory")))
                .body("channel", equalTo(held.getString("channel")))
                .body("heldUntil", equalTo(held.getString("heldUntil")));

        assertEquals(0, transactions.begunBy("GET", "/v1/slot-reservations/" + id));
    }

    @Test
    void anotherBanksReservationAndAnUnknownIdAreNotFound() {
        String id = bank.reserveDebitCard(TestPeople.residentId()).then().statusCode(201).extract().path("id");
        BankClient.of("B105").request().get("/v1/slot-reservations/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        bank.request().get("/v1/slot-reservations/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        bank.request().get("/v1/slot-reservations/" + id).then().statusCode(200);
    }

    @Test
    void aReleasedReservationReadsAsReleased() {
        String id = bank.reserveDebitCard(TestPeople.residentId()).then().statusCode(201).extract().path("id");
        bank.request().delete("/v1/slot-reservations/" + id).then().statusCode(204);
        bank.request().get("/v1/slot-reservations/" + id).then().statusCode(200).body("state", equalTo("RELEASED"));
    }
}
