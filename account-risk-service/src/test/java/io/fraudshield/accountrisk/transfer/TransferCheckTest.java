package io.fraudshield.accountrisk.transfer;

import io.fraudshield.accountrisk.ParticipantClient;
import io.fraudshield.accountrisk.ParticipantClient.Account;
import io.fraudshield.localstack.TestPeople;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class TransferCheckTest {

    static final ParticipantClient POLICE = ParticipantClient.police("GA3301");
    static final ParticipantClient BANK = ParticipantClient.bank("B102");
    static final ParticipantClient PLATFORM = ParticipantClient.platform("PAY001");

    @Test
    void aGreyPayeeWarnsThePayerInBothLanguagesAndAFrozenOneBlocks() {
        Account payee = Account.fresh();
        PLATFORM.request().body(check(Account.fresh(), payee, null, "MOBILE_APP", "OTHER")).post("/v1/transfer-risk-checks")
                .then().statusCode(200).body("outcome", equalTo("ALLOW"));
        BANK.markAccountActive(payee, "GREY_LIST", "GREY");
        PLATFORM.request().body(check(Account.fresh(), payee, null, "MOBILE_APP", "OTHER")).post("/v1/transfer-risk-checks")
                .then().statusCode(200).body("outcome", equalTo("WARN")).body("reasons", contains("PAYEE_GREY_LISTED"))
                .body("warnings[0].zh", containsString("诈骗")).body("warnings[0].en", containsString("scam"));
        POLICE.markAccount(payee, "FROZEN", "BLACK").then().statusCode(201).body("state", equalTo("ACTIVE"));
        PLATFORM.request().body(check(Account.fresh(), payee, null, "ATM", "OTHER")).post("/v1/transfer-risk-checks")
                .then().statusCode(200).body("outcome", equalTo("BLOCK")).body("payeeStatus", equalTo("FROZEN"));
    }

    @Test
    void anAtmTransferToAnotherPersonIsCreditedAfter24Hours() {
        BANK.request().body(check(Account.fresh(), Account.fresh(), null, "ATM", "OTHER")).post("/v1/transfer-risk-checks")
                .then().statusCode(200).body("outcome", equalTo("DELAY")).body("delayHours", equalTo(24))
                .body("creditAfter", notNullValue());
    }

    @Test
    void aPunishedPayerMayPayUtilitiesOnlineButNothingElse() {
        String person = TestPeople.residentId();
        POLICE.idempotent().body("{\"person\":" + TestPeople.document(person) + ",\"ground\":\"CERTIFIED\",\"decidedOn\":\""
                        + LocalDate.now() + "\",\"reasonCode\":\"SOLD_ACCOUNTS\",\"caseRef\":\"GA-2\",\"statedCount\":3,"
                        + "\"noticeBasis\":\"Joint Punishment Measures 2024 art. 3\"}")
                .post("/v1/restriction-listings").then().statusCode(201);
        BANK.request().body(check(Account.fresh(), Account.fresh(), person, "MOBILE_APP", "OTHER"))
                .post("/v1/transfer-risk-checks").then().statusCode(200).body("outcome", equalTo("BLOCK"))
                .body("reasons", contains("PAYER_NON_COUNTER_SUSPENDED"));
        BANK.request().body(check(Account.fresh(), Account.fresh(), person, "MOBILE_APP", "UTILITY"))
                .post("/v1/transfer-risk-checks").then().statusCode(200).body("outcome", equalTo("ALLOW"));
        BANK.request().body(check(Account.fresh(), Account.fresh(), person, "COUNTER", "OTHER"))
                .post("/v1/transfer-risk-checks").then().statusCode(200).body("outcome", equalTo("ALLOW"));
    }

    static String check(Account payer, Account payee, String payerId, String channel, String purpose) {
        return "{\"payer\":{\"bank\":\"" + payer.bank() + "\",\"accountNumber\":\"" + payer.number() + "\""
                + (payerId == null ? "" : ",\"holder\":" + TestPeople.document(payerId)) + "},"
                + "\"payee\":{\"bank\":\"" + payee.bank() + "\",\"accountNumber\":\"" + payee.number() + "\"},"
                + "\"amount\":\"500.00\",\"channel\":\"" + channel + "\",\"ownAccount\":false,\"purpose\":\"" + purpose + "\"}";
    }
}
