package io.fraudshield.cardlimit.regulator;

import io.agroal.api.AgroalDataSource;
import io.fraudshield.cardlimit.BankClient;
import io.fraudshield.cardlimit.OutgoingToken;
import io.fraudshield.cardlimit.RiskStub;
import io.fraudshield.common.outbox.OutboxRelay;
import io.fraudshield.localstack.TestPeople;
import io.fraudshield.localstack.TestSql;
import io.fraudshield.localstack.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class RegulatorTest {

    @Inject
    OutboxRelay relay;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void regulatorsSeeCountsAcrossBanksAndBanksMayNot() {
        String customer = TestPeople.residentId();
        BankClient.of("B501").openCard(customer);
        BankClient.of("B501").openCard(customer);
        String closed = BankClient.of("B502").openCard(customer);
        BankClient.of("B502").open(customer, "CLASS_II", null);
        BankClient.of("B502").close(closed).then().statusCode(200);
        BankClient.of("B503").open(customer, "CLASS_II", "SOCIAL_SECURITY_CARD");
        String body = "{\"customer\":" + TestPeople.document(customer) + "}";
        given().header("Authorization", TestTokens.bearer("regulator", "NFRA")).contentType("application/json")
                .body(body).post("/v1/cross-bank-counts").then().statusCode(200)
                .body("totalOpen", equalTo(3))
                .body("banks.find { it.bank == 'B501' && it.limit == 'DEBIT_CARDS' }.open", equalTo(2))
                .body("banks.find { it.bank == 'B501' && it.limit == 'CLASS_II_ACCOUNTS' }.open", equalTo(2))
                .body("banks.find { it.bank == 'B502' && it.limit == 'CLASS_II_ACCOUNTS' }.open", equalTo(1))
                .body("banks.find { it.bank == 'B502' && it.limit == 'DEBIT_CARDS' }", org.hamcrest.Matchers.nullValue())
                .body("banks.size()", equalTo(3));
        BankClient.of("B501").request().body(body).post("/v1/cross-bank-counts").then().statusCode(403);
    }

    @Test
    void bulkOpeningAcrossBanksIsSignalledOnceAndSurvivesAnOutage() throws SQLException {
        String customer = TestPeople.residentId();
        RiskStub.refuseMarkers();
        try {
            for (int bank = 1; bank <= 4; bank++) {
                BankClient.of("B60" + bank).open(customer, "CLASS_II", null);
            }
            String ref = BankClient.of("B601").check(customer).then().extract().path("customerRef");
            relay.relayDue();
            assertEquals(0, RiskStub.markersFor(ref).size(), "four cards are below the threshold");
            BankClient.of("B605").open(customer, "CLASS_II", null);
            relay.relayDue();
            assertEquals(1, RiskStub.markersFor(ref).size(), "tried once and refused");
            assertEquals(1, undelivered(ref), "a refused message stays in the outbox");
            RiskStub.acceptMarkers();
            makeDue(ref);
            assertTrue(relay.relayDue() >= 1);
            assertEquals(0, undelivered(ref));
            var received = RiskStub.markersFor(ref);
            assertEquals(2, received.size());
            String first = received.get(0).getHeader("Message-Id");
            assertEquals(first, received.get(1).getHeader("Message-Id"), "a retry carries the same message id");
            assertEquals(first, received.get(1).getHeader("Idempotency-Key"));
            assertTrue(received.get(1).getBodyAsString().contains("BULK_ACCOUNT_OPENING"));
            OutgoingToken token = OutgoingToken.of(received.get(1));
            assertEquals("account-risk-service", token.claim("aud"), "the relay's own token, for account-risk only");
            assertEquals("card-limit-service", token.claim("sub"));
            BankClient.of("B606").open(customer, "CLASS_II", null);
            relay.relayDue();
            assertEquals(2, RiskStub.markersFor(ref).size(), "one signal per window");
        } finally {
            RiskStub.acceptMarkers();
        }
    }

    @Test
    void aMarkerAccountRiskRefusesAsInvalidIsADeadLetterAtOnce() {
        String customer = TestPeople.residentId();
        RiskStub.refuseMarkersWith(422);
        try {
            for (int bank = 1; bank <= 5; bank++) {
                BankClient.of("B62" + bank).open(customer, "CLASS_II", null);
            }
            String ref = BankClient.of("B621").check(customer).then().extract().path("customerRef");
            relay.relayDue();
            assertEquals(1, RiskStub.markersFor(ref).size());
            assertEquals("DEAD", TestSql.text(dataSource, "select status from outbox where aggregate = ?", ref));
        } finally {
            RiskStub.acceptMarkers();
        }
    }

    private void makeDue(String ref) throws SQLException {
        TestSql.execute(dataSource, "update outbox set next_attempt_at = now() where aggregate = '" + ref + "'");
    }

    private long undelivered(String ref) {
        return TestSql.number(dataSource, "select count(*) from outbox where status = 'PENDING' and aggregate = ?", ref);
    }
}
