package io.fraudshield.cardlimit.accountrisk;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.fraudshield.cardlimit.BankClient;
import io.fraudshield.cardlimit.OutgoingToken;
import io.fraudshield.cardlimit.RiskStub;
import io.fraudshield.common.servicetoken.ServiceTokens;
import io.fraudshield.localstack.TestPeople;
import io.fraudshield.localstack.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each service is its own audience; card-limit calls account-risk with its own token, never the bank's. */
@QuarkusTest
class ServiceTokenTest {

    private static final String VERIFY = "/v1/audit-chain/verification";

    @Inject
    ServiceTokens serviceTokens;

    @Test
    void aTokenForAnotherServiceIsRefusedHere() {
        given().header("Authorization", TestTokens.bearerFor("card-limit-service", "auditor", "AUD01"))
                .get(VERIFY).then().statusCode(200);
        for (String other : List.of("account-risk-service", "stop-payment-service", "fraudshield")) {
            given().header("Authorization", TestTokens.bearerFor(other, "auditor", "AUD01"))
                    .get(VERIFY).then().statusCode(401).contentType("application/problem+json")
                    .body("type", equalTo("https://fraudshield.io/problems/unauthenticated"));
        }
    }

    @Test
    void aRestrictionLookUpCarriesCardLimitsOwnTokenForAccountRiskNotTheBanks() {
        String bankToken = TestTokens.token("bank", "B701", "b701-teller");
        String ref = given().header("Authorization", "Bearer " + bankToken).contentType("application/json")
                .body(BankClient.opening(TestPeople.residentId(), "CLASS_II", "DEBIT_CARD", "COUNTER", null, null))
                .post("/v1/opening-checks").then().statusCode(200).extract().path("customerRef");

        List<LoggedRequest> lookups = RiskStub.lookups(ref);
        assertEquals(1, lookups.size());
        OutgoingToken sent = OutgoingToken.of(lookups.get(0));
        assertNotEquals(bankToken, sent.value(), "the bank's token stays with card-limit-service");
        assertEquals("account-risk-service", sent.claim("aud"));
        assertEquals("card-limit-service", sent.claim("sub"));
        assertEquals("service", sent.claims().path("groups").get(0).asText());
        assertEquals("CARDLIMIT", sent.claim("participant"));
        long lifetime = sent.claims().path("exp").asLong() - sent.claims().path("iat").asLong();
        assertTrue(lifetime > 0 && lifetime <= 600, "short-lived: " + lifetime + " s");
        assertTrue(sent.claims().path("exp").asLong() > Instant.now().getEpochSecond());
        assertFalse(sent.value().contains("B701"), "nothing of the bank's identity travels in it");
    }

    @Test
    void theTokenIsReusedWhileFreshAndIsOnlyForItsAudience() {
        String first = serviceTokens.bearerFor("account-risk-service");
        assertEquals(first, serviceTokens.bearerFor("account-risk-service"), "no new token per call");
        String forStopPayment = serviceTokens.bearerFor("stop-payment-service");
        assertNotEquals(first, forStopPayment);
        given().header("Authorization", first).get(VERIFY).then().statusCode(401);
        given().header("Authorization", forStopPayment).get(VERIFY).then().statusCode(401);
        // at its own audience the same kind of token is a valid caller (role service), just not an auditor
        given().header("Authorization", serviceTokens.bearerFor("card-limit-service")).get(VERIFY).then().statusCode(403);
    }
}
