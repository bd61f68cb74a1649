package io.fraudshield.accountrisk.status;

import io.agroal.api.AgroalDataSource;
import io.fraudshield.accountrisk.ParticipantClient;
import io.fraudshield.accountrisk.ParticipantClient.Account;
import io.fraudshield.common.identifier.AccountNumber;
import io.fraudshield.common.identifier.ParticipantCode;
import io.fraudshield.common.pseudonym.Pseudonymizer;
import io.fraudshield.localstack.LocalRedis;
import io.fraudshield.localstack.TestStores;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;


import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The three tiers never answer CLEAR for a marker committed before the query began, and Redis may come and go. */
@QuarkusTest
class HotPathTest {

    static final ParticipantClient POLICE = ParticipantClient.police("GA3301");
    static final ParticipantClient PLATFORM = ParticipantClient.platform("PAY001");

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Pseudonymizer pseudonymizer;
    @Inject
    RedisDataSource redis;

    @Test
    void aMarkerWrittenAfterAnAccountWasCachedIsSeenByTheVeryNextQuery() {
        Account account = Account.fresh();
        for (int i = 0; i < 3; i++) {
            assertEquals("CLEAR", PLATFORM.statusOf(account));
        }
        POLICE.markAccountActive(account, "HIGH_RISK", "GREY");
        assertEquals("GREY", PLATFORM.statusOf(account));
    }

    @Test
    void aMarkerCommittedByAnotherReplicaIsSeenThroughThisReplicasWarmCaches() throws Exception {
        Account account = Account.fresh();
        String ref = pseudonymizer.accountRef(new ParticipantCode(account.bank()), AccountNumber.of(account.number()));
        assertEquals("CLEAR", PLATFORM.statusOf(account));
        assertEquals("CLEAR", PLATFORM.statusOf(account));
        assertNotNull(redis.value(String.class).get("ar:snap:" + ref), "the snapshot is shared through Redis");

        OtherReplica.commitsFrozenMarker(dataSource, ref);
        assertEquals("FROZEN", PLATFORM.statusOf(account));
    }

    @Test
    void withRedisStoppedAnswersStayTrueAndTheServiceReadyAndRedisIsUsedAgainWhenItReturns() throws Exception {
        LocalRedis server = TestStores.get().redis();
        Account before = Account.fresh();
        assertEquals("CLEAR", PLATFORM.statusOf(before));
        server.stop();
        try {
            Account during = Account.fresh();
            POLICE.markAccountActive(during, "INVOLVED_ACCOUNT", "BLACK");
            assertEquals("BLACK", PLATFORM.statusOf(during));
            POLICE.markAccountActive(before, "HIGH_RISK", "GREY");
            assertEquals("GREY", PLATFORM.statusOf(before));
            given().get("/q/health/ready").then().statusCode(200);
            PLATFORM.request().get("/v1/quota").then().statusCode(200);
        } finally {
            server.start();
        }
        long deadline = System.currentTimeMillis() + 10_000;
        boolean sharedAgain = false;
        while (!sharedAgain && System.currentTimeMillis() < deadline) {
            Account after = Account.fresh();
            assertEquals("CLEAR", PLATFORM.statusOf(after));
            sharedAgain = redisValue(pseudonymizer.accountRef(new ParticipantCode(after.bank()),
                    AccountNumber.of(after.number()))) != null;
            Thread.sleep(100);
        }
        assertTrue(sharedAgain, "snapshots are written to Redis again once it is back");
        assertEquals("GREY", PLATFORM.statusOf(before));
    }

    private String redisValue(String ref) {
        try {
            return redis.value(String.class).get("ar:snap:" + ref);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
