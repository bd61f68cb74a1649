package io.fraudshield.accountrisk.antiscan;

import io.fraudshield.accountrisk.ParticipantClient;
import io.fraudshield.accountrisk.ParticipantClient.Account;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;



import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Test tier T: 30 tokens, 10 a second. A hit costs 1, a miss 3 (docs/rules.md B1). PAYSCAN and PAYMIX are
 * in tier T; police are not metered.
 */
@QuarkusTest
class AntiScanTest {

    static final ParticipantClient POLICE = ParticipantClient.police("GA3301");

    @Test
    void aScanOfUnknownAccountsRunsOutOfTokensLongBeforeANormalMix() throws Exception {
        Account flagged = Account.fresh();
        POLICE.markAccountActive(flagged, "HIGH_RISK", "GREY");
        ParticipantClient scanner = ParticipantClient.platform("PAYSCAN");
        ParticipantClient normal = ParticipantClient.platform("PAYMIX");
        waitForFullBucket(scanner);
        waitForFullBucket(normal);

        int scanned = answeredBefore429(scanner, () -> Account.fresh());
        int mixed = answeredBefore429(normal, () -> flagged);
        assertTrue(scanned <= 13, "30 tokens at 3 a miss, plus the refill meanwhile: " + scanned);
        assertTrue(mixed >= 2 * scanned, "hits cost a third of misses: " + mixed + " vs " + scanned);
    }

    @Test
    void anEmptyBucketIs429WithRetryAfterAndRecovers() throws Exception {
        ParticipantClient scanner = ParticipantClient.platform("PAYSCAN");
        // the refusal itself, not one more query after it: at 10 tokens a second a bucket left just below zero by
        // the test before is positive again a few milliseconds later
        Response refused = firstRefusal(scanner);
        refused.then().statusCode(429).body("type", equalTo("https://fraudshield.io/problems/too-many-requests"))
                .header("Retry-After", notNullValue());
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 3, "Retry-After " + retryAfter);
        scanner.request().get("/v1/quota").then().statusCode(200).body("metered", equalTo(true))
                .body("tier", equalTo("T")).body("capacity", equalTo(30)).body("missCost", equalTo(3));
        Thread.sleep(retryAfter * 1000 + 100);
        scanner.query(Account.fresh()).then().statusCode(200);
    }

    @Test
    void policeAreNeverMeteredAndAQuotaIsPerParticipant() {
        ParticipantClient scanner = ParticipantClient.platform("PAYSCAN");
        answeredBefore429(scanner, Account::fresh);
        for (int i = 0; i < 40; i++) {
            POLICE.query(Account.fresh(), Account.fresh(), Account.fresh()).then().statusCode(200);
        }
        POLICE.request().get("/v1/quota").then().statusCode(200).body("metered", equalTo(false));
        ParticipantClient.platform("PAY001").query(Account.fresh()).then().statusCode(200);
        ParticipantClient.platform("PAY001").request().get("/v1/quota").then()
                .body("tier", equalTo("D")).body("remaining", greaterThan(3000));
    }

    private static int answeredBefore429(ParticipantClient client, java.util.function.Supplier<Account> next) {
        for (int answered = 0; answered < 1000; answered++) {
            int status = client.query(next.get()).statusCode();
            if (status == 429) {
                return answered;
            }
            assertEquals(200, status);
        }
        throw new AssertionError("never limited");
    }

    private static Response firstRefusal(ParticipantClient client) {
        for (int answered = 0; answered < 1000; answered++) {
            Response response = client.query(Account.fresh());
            if (response.statusCode() == 429) {
                return response;
            }
            assertEquals(200, response.statusCode());
        }
        throw new AssertionError("never limited");
    }

    private static void waitForFullBucket(ParticipantClient client) throws InterruptedException {
        while (client.request().get("/v1/quota").then().extract().<Integer>path("remaining") < 30) {
            Thread.sleep(200);
        }
    }
}
