package io.fraudshield.cardlimit.ratelimit;

import io.agroal.api.AgroalDataSource;
import io.fraudshield.cardlimit.BankClient;
import io.fraudshield.cardlimit.Race;
import io.fraudshield.localstack.TestPeople;
import io.fraudshield.localstack.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Opening decisions are audited and rate-limited per bank: a scan of ID numbers runs out of tokens long before a
 * branch's normal day would. Test tier {@code test-scan}: 20 at once, 10 back per minute (B331, B333).
 */
@QuarkusTest
class OpeningRateLimitTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    OpeningRateConfig config;

    @Test
    void aScanOfIdNumbersRunsOutAfterTheBucketAndEveryCheckIsAudited() throws Exception {
        BankClient scanner = BankClient.of("B331");
        int served = 0;
        Response refused = null;
        for (int i = 0; i < 100 && refused == null; i++) {
            Response answer = scanner.check(TestPeople.residentId());
            if (answer.statusCode() == 200) {
                served++;
            } else {
                refused = answer;
            }
        }
        assertEquals(20, served, "the bucket, then nothing");
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("https://fraudshield.io/problems/too-many-requests"))
                .header("Retry-After", notNullValue());
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        // 10 a minute: a token every 6 s, less what refilled while the 20 were served
        assertTrue(retryAfter >= 1 && retryAfter <= 6, "Retry-After " + retryAfter);
        // a reservation is the same oracle: it takes from the same bucket
        scanner.reserveDebitCard(TestPeople.residentId()).then().statusCode(429);
        // other banks are not touched
        BankClient.of("B332").check(TestPeople.residentId()).then().statusCode(200);
        assertEquals(20, TestSql.number(dataSource, "select count(*) from audit_event where action = 'opening.checked'"
                + " and participant = 'B331'"));
        assertTrue(TestSql.number(dataSource, "select count(*) from audit_event where action = 'opening.checked'"
                + " and participant = 'B332' and actor = 'b332-teller' and object_type = 'opening-check'") >= 1);

        // a teller's pace: 2 minutes later (by the database's clock) 20 more are back, not a full hour's scan
        TestSql.execute(dataSource, "update opening_rate_bucket set refilled_at = refilled_at - interval '2 minutes'"
                + " where bank = 'B331'");
        scanner.check(TestPeople.residentId()).then().statusCode(200);
    }

    @Test
    void replicasShareTheBucketSoConcurrentChecksGetExactlyTheBucket() throws Exception {
        BankClient bank = BankClient.of("B333");
        List<Response> answers = Race.of(40, i -> bank.check(TestPeople.residentId()));
        assertEquals(20, answers.stream().filter(a -> a.statusCode() == 200).count(), Race.describe(answers));
        assertEquals(20, answers.stream().filter(a -> a.statusCode() == 429).count(), Race.describe(answers));
    }

    @Test
    void theProductionTiersServeANormalDayAndStarveAScan() {
        // assumed normal day of a standard-tier bank (city commercial bank): 150 branches x 40 openings x 2 decisions
        // (check + reservation) = 12,000 a day, a fifth of them in the busiest hour = 40 a minute
        OpeningRateConfig.Tier standard = tier("standard");
        assertTrue(standard.refillPerMinute() >= 40, "the busiest hour is served");
        assertTrue(standard.refillPerMinute() * 60 * 24 >= 12_000);
        // one branch's whole day (80 decisions) fits in the burst alone
        assertTrue(standard.bucketSize() >= 80);
        // a scan of 1,000,000 ID numbers at the full rate takes more than 11 days, every look-up audited
        double scanDays = (1_000_000.0 - standard.bucketSize()) / standard.refillPerMinute() / 60 / 24;
        assertTrue(scanDays > 11, "scan days: " + scanDays);
    }

    @Test
    void aTierThatNeverRefillsStopsTheServiceAtStartUp() {
        // its empty bucket could not say when a token is back (Retry-After would divide by zero)
        OpeningRateConfig neverRefills = new OpeningRateConfig() {
            public String defaultTier() {
                return "dry";
            }

            public Map<String, Tier> tiers() {
                return Map.of("dry", new OpeningTokenLeasesTest.TestTier(100, 0));
            }

            public Map<String, String> banks() {
                return Map.of();
            }

            public int leaseSize() {
                return 10;
            }

            public Duration leaseFor() {
                return Duration.ofSeconds(1);
            }

            public int maxReplicas() {
                return 20;
            }

            public Duration leaseWait() {
                return Duration.ofSeconds(2);
            }
        };
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new OpeningRateLimit(dataSource, neverRefills, null));
        assertTrue(refused.getMessage().contains("cardlimit.opening-rate.tiers.dry"), refused.getMessage());
    }

    private OpeningRateConfig.Tier tier(String name) {
        // the %test profile adds tiers; the production ones are the same in every profile
        return config.tiers().get(name);
    }
}
