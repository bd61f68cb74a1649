package io.fraudshield.accountrisk.marker;

import io.agroal.api.AgroalDataSource;
import io.fraudshield.accountrisk.ParticipantClient;
import io.fraudshield.accountrisk.ParticipantClient.Account;
import io.fraudshield.localstack.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class MarkerTest {

    static final ParticipantClient POLICE = ParticipantClient.police("GA3301");
    static final ParticipantClient BANK = ParticipantClient.bank("B102");
    static final ParticipantClient PLATFORM = ParticipantClient.platform("PAY001");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void whoMayWriteACategoryIsConfiguration() {
        Account account = Account.fresh();
        BANK.markAccount(account, "INVOLVED_ACCOUNT", "BLACK").then().statusCode(403)
                .body("type", equalTo("https://fraudshield.io/problems/forbidden"));
        PLATFORM.markAccount(account, "HIGH_RISK", "GREY").then().statusCode(403);
        BANK.markAccount(account, "GREY_LIST", "GREY").then().statusCode(201).body("state", equalTo("ACTIVE"));
        ParticipantClient.service("CARDLIMIT").markAccount(account, "BULK_ACCOUNT_OPENING", "GREY").then().statusCode(400);
    }

    @Test
    void aBlackMarkerCountsOnlyOnceASecondPersonApprovesIt() {
        Account account = Account.fresh();
        String id = POLICE.markAccount(account, "INVOLVED_ACCOUNT", "BLACK").then().statusCode(201)
                .body("state", equalTo("PENDING_APPROVAL")).extract().path("id");
        assertEquals("CLEAR", PLATFORM.statusOf(account));

        POLICE.idempotent().post("/v1/markers/" + id + "/approval").then().statusCode(403);
        ParticipantClient.police("GA3302").as("other-agency").idempotent().post("/v1/markers/" + id + "/approval")
                .then().statusCode(404);
        POLICE.as("second-officer").idempotent().post("/v1/markers/" + id + "/approval").then().statusCode(200)
                .body("state", equalTo("ACTIVE")).body("approvedBy", equalTo("second-officer"));
        assertEquals("BLACK", PLATFORM.statusOf(account));
        POLICE.as("third-officer").idempotent().post("/v1/markers/" + id + "/approval").then().statusCode(409);
    }

    @Test
    void aRevokedMarkerStopsCountingAtOnceAndTheRevocationIsAudited() {
        Account account = Account.fresh();
        String id = POLICE.markAccountActive(account, "INVOLVED_ACCOUNT", "BLACK");
        assertEquals("BLACK", PLATFORM.statusOf(account));

        PLATFORM.idempotent().body("{\"reason\":\"not mine to revoke\"}").post("/v1/markers/" + id + "/revocation")
                .then().statusCode(404);
        POLICE.as("another-officer").idempotent().body("{\"reason\":\"Case closed: the holder was a victim\"}")
                .post("/v1/markers/" + id + "/revocation").then().statusCode(200).body("state", equalTo("REVOKED"))
                .body("revocationReason", equalTo("Case closed: the holder was a victim"));

        assertEquals("CLEAR", PLATFORM.statusOf(account));
        assertEquals(1, TestSql.number(dataSource,
                "select count(*) from audit_event where object_id = ? and action = 'marker.revoked'", id));
        PLATFORM.query(account).then().body("results[0].counters.P3D", equalTo(0));
    }

    @Test
    void anExpiredMarkerStopsCountingWithoutAnyJob() throws Exception {
        Account account = Account.fresh();
        Instant until = Instant.now().plusSeconds(2);
        BANK.idempotent().body(ParticipantClient.accountMarker(account, "GREY_LIST", "GREY",
                ",\"validUntil\":\"" + until + "\"")).post("/v1/account-markers").then().statusCode(201);
        assertEquals("GREY", PLATFORM.statusOf(account));
        Thread.sleep(Math.max(0, until.toEpochMilli() - System.currentTimeMillis()) + 50);
        PLATFORM.query(account).then().statusCode(200).body("results[0].status", equalTo("CLEAR"))
                .body("results[0].counters.P3D", equalTo(1));
    }

    @Test
    void eachRoleSeesOnlyItsViewOfAMarker() {
        Account account = Account.card();
        String id = POLICE.markAccountActive(account, "INVOLVED_ACCOUNT", "BLACK");

        PLATFORM.query(account).then().statusCode(200)
                .body("results[0].status", equalTo("BLACK"))
                .body("results[0].markers[0].category", equalTo("INVOLVED_ACCOUNT"))
                .body("results[0].markers[0].level", equalTo("BLACK"))
                .body("results[0].markers[0]", not(hasKey("evidenceRef")))
                .body("results[0].markers[0]", not(hasKey("reasonCode")))
                .body("results[0].markers[0]", not(hasKey("source")))
                .body("results[0].markers[0]", not(hasKey("id")));
        BANK.query(account).then().body("results[0].markers[0].reasonCode", equalTo("CASE_RECEIVING_ACCOUNT"))
                .body("results[0].markers[0]", not(hasKey("evidenceRef")));
        ParticipantClient.regulator("PBOC").query(account).then()
                .body("results[0].markers[0].evidenceRef", equalTo("GA-3301-2026-000123"))
                .body("results[0].markers[0].source", equalTo("GA3301"));

        POLICE.request().get("/v1/markers/" + id).then().statusCode(200).body("evidenceRef", equalTo("GA-3301-2026-000123"));
        BANK.request().get("/v1/markers/" + id).then().statusCode(404);
        PLATFORM.request().get("/v1/markers/" + id).then().statusCode(404);
    }

    @Test
    void theAnswerCarriesTheMaskedNumberAndReportCountersButNoTableHoldsTheNumber() {
        Account account = Account.fresh();
        BANK.markAccountActive(account, "MULE_SUSPECTED", "GREY");
        BANK.markAccountActive(account, "GREY_LIST", "GREY");
        PLATFORM.query(account, Account.fresh()).then().statusCode(200)
                .body("results[0].accountNumber", equalTo(account.number().substring(0, 4) + "*".repeat(account.number().length() - 8)
                        + account.number().substring(account.number().length() - 4)))
                .body("results[0].counters.P3D", equalTo(2)).body("results[0].counters.P30D", equalTo(2))
                .body("results[0].counters.P6M", equalTo(2))
                .body("results[1].status", equalTo("CLEAR")).body("results[1].markers.size()", equalTo(0));
        for (String table : new String[] {"marker", "marker_event", "audit_event", "idempotency_record"}) {
            assertEquals(0, TestSql.number(dataSource, "select count(*) from " + table + " t where t::text like ?",
                    "%" + account.number() + "%"), table);
        }
    }

    @Test
    void aPersonMarkerFromCardLimitsOutboxIsAppliedOncePerMessage() {
        ParticipantClient cardLimit = ParticipantClient.service("CARDLIMIT");
        String body = "{\"customerRef\":\"dev1.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE\",\"type\":\"BULK_ACCOUNT_OPENING\","
                + "\"reasonCode\":\"ABNORMAL_ACCOUNT_OPENING\",\"source\":\"card-limit-service\","
                + "\"evidence\":{\"newCards\":5,\"banks\":3,\"window\":\"P30D\"},\"observedAt\":\"" + Instant.now() + "\"}";
        String messageId = java.util.UUID.randomUUID().toString();
        String id = cardLimit.request().header("Idempotency-Key", messageId).body(body).post("/v1/person-markers")
                .then().statusCode(201).body("category", equalTo("BULK_ACCOUNT_OPENING"))
                .body("evidence.newCards", equalTo(5)).extract().path("id");
        cardLimit.request().header("Idempotency-Key", messageId).body(body).post("/v1/person-markers")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id));
        cardLimit.as("another-replica").request().header("Idempotency-Key", messageId).body(body).post("/v1/person-markers")
                .then().statusCode(200).body("id", equalTo(id));
        assertEquals(1, TestSql.number(dataSource, "select count(*) from marker where message_id = ?", messageId));
        POLICE.request().get("/v1/markers/" + id).then().statusCode(200).body("evidence.banks", equalTo(3));
        BANK.request().get("/v1/markers/" + id).then().statusCode(404);
    }

    @Test
    void aQueryOfMoreThanTheMaximumIsRefusedAndNumbersAreChecked() {
        java.util.List<Account> accounts = new java.util.ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            accounts.add(Account.fresh());
        }
        ParticipantClient.regulator("PBOC").request().body(ParticipantClient.statusQuery(accounts))
                .post("/v1/account-status-queries").then().statusCode(400).body("errors[0].field", equalTo("accounts"));
        PLATFORM.query(new Account("B102", "1111111111")).then().statusCode(400);
        PLATFORM.request().body("{\"accounts\":[]}").post("/v1/account-status-queries").then().statusCode(400);
        ParticipantClient.regulator("PBOC").request().body(ParticipantClient.statusQuery(accounts.subList(0, 1000)))
                .post("/v1/account-status-queries").then().statusCode(200).body("results.size()", equalTo(1000))
                .body("results[999].status", equalTo("CLEAR")).body("asOf", not(nullValue()));
    }
}
