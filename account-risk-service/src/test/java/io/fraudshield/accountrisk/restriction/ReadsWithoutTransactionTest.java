package io.fraudshield.accountrisk.restriction;

import io.fraudshield.accountrisk.ParticipantClient;
import io.fraudshield.accountrisk.ParticipantClient.Account;
import io.fraudshield.accountrisk.TransactionsByRequest;
import io.fraudshield.common.identifier.DocumentType;
import io.fraudshield.common.identifier.PersonDocument;
import io.fraudshield.common.pseudonym.Pseudonymizer;
import io.fraudshield.localstack.TestPeople;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The read endpoints run without write machinery: no JTA transaction (entities loaded read-only, or plain SQL),
 * with the same answers and the same tenancy as before.
 */
@QuarkusTest
class ReadsWithoutTransactionTest {

    static final ParticipantClient POLICE = ParticipantClient.police("GA3301");
    static final ParticipantClient OTHER_POLICE = ParticipantClient.police("GA33");
    static final ParticipantClient BANK = ParticipantClient.bank("B102");
    static final ParticipantClient PLATFORM = ParticipantClient.platform("PAY001");

    @Inject
    TransactionsByRequest transactions;

    @Inject
    Pseudonymizer pseudonymizer;

    @Test
    void personStatusListingMarkerStatusQueryAndTransferCheckRunWithoutATransaction() {
        String person = TestPeople.residentId();
        String ref = pseudonymizer.customerRef(PersonDocument.of(DocumentType.RESIDENT_ID, person));
        String listing = POLICE.idempotent().body(PersonRestrictionTest.listing(person, "CERTIFIED", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1),
                null, 4)).post("/v1/restriction-listings").then().statusCode(201).extract().path("id");
        Account account = Account.fresh();
        String marker = POLICE.markAccountActive(account, "HIGH_RISK", "GREY");
        assertTrue(transactions.begunBy("POST", "/v1/restriction-listings") > 0, "the recorder sees the listing's transaction");

        BANK.request().get("/v1/person-restrictions/" + ref).then().statusCode(200).body("restricted", equalTo(true));
        POLICE.request().get("/v1/restriction-listings/" + listing).then().statusCode(200).body("caseRef", equalTo("GA-1"));
        POLICE.request().get("/v1/markers/" + marker).then().statusCode(200).body("level", equalTo("GREY"));
        PLATFORM.query(account).then().statusCode(200).body("results[0].status", not(equalTo("CLEAR")));
        BANK.request().body("{\"payer\":{\"bank\":\"" + account.bank() + "\",\"accountNumber\":\"" + account.number()
                        + "\",\"holder\":" + TestPeople.document(person) + "},\"payee\":{\"bank\":\"" + account.bank()
                        + "\",\"accountNumber\":\"" + Account.fresh().number() + "\"},\"amount\":\"500.00\","
                        + "\"channel\":\"MOBILE_APP\",\"ownAccount\":false,\"purpose\":\"OTHER\"}")
                .post("/v1/transfer-risk-checks").then().statusCode(200).body("outcome", equalTo("BLOCK"));

        assertEquals(0, transactions.begunBy("GET", "/v1/person-restrictions/" + ref));
        assertEquals(0, transactions.begunBy("GET", "/v1/restriction-listings/" + listing));
        assertEquals(0, transactions.begunBy("GET", "/v1/markers/" + marker));
        assertEquals(0, transactions.begunBy("POST", "/v1/account-status-queries"));
        assertEquals(0, transactions.begunBy("POST", "/v1/transfer-risk-checks"));
    }

    @Test
    void anotherAgencysListingAndAMarkerABankMayNotSeeAreNotFound() {
        String person = TestPeople.residentId();
        String listing = POLICE.idempotent().body(PersonRestrictionTest.listing(person, "CERTIFIED", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1),
                null, 4)).post("/v1/restriction-listings").then().statusCode(201).extract().path("id");
        String marker = POLICE.markAccountActive(Account.fresh(), "HIGH_RISK", "GREY");

        OTHER_POLICE.request().get("/v1/restriction-listings/" + listing).then().statusCode(404)
                .contentType("application/problem+json");
        BANK.request().get("/v1/markers/" + marker).then().statusCode(404).contentType("application/problem+json");
        ParticipantClient.regulator("PBOC").request().get("/v1/restriction-listings/" + listing).then().statusCode(200);
    }
}
