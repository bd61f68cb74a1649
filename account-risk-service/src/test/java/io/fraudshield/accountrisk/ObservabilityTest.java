package io.fraudshield.accountrisk;

import io.fraudshield.accountrisk.ParticipantClient.Account;
import io.fraudshield.localstack.Metrics;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** account-risk's answers and its anti-scan buckets as metrics (docs/observability.md). */
@QuarkusTest
class ObservabilityTest {

    private static final ParticipantClient BANK = ParticipantClient.bank("B102");
    private static final String DECISIONS = "fraudshield_decisions_total";

    @Test
    void eachAccountAnsweredIsAStatusDecisionUnderItsFirstMarkersCategory() {
        Account clear = Account.fresh();
        Account grey = Account.fresh();
        BANK.markAccountActive(grey, "GREY_LIST", "GREY");
        String status = "operation=\"account-status\"";
        double clearBefore = Metrics.sum(DECISIONS, status, "outcome=\"CLEAR\"", "reason=\"NONE\"");
        double greyBefore = Metrics.sum(DECISIONS, status, "outcome=\"GREY\"", "reason=\"GREY_LIST\"");
        BANK.query(clear, grey).then().statusCode(200);
        assertEquals(clearBefore + 1, Metrics.sum(DECISIONS, status, "outcome=\"CLEAR\"", "reason=\"NONE\""));
        assertEquals(greyBefore + 1, Metrics.sum(DECISIONS, status, "outcome=\"GREY\"", "reason=\"GREY_LIST\""));
    }

    @Test
    void aTransferCheckIsADecisionUnderItsRule() {
        String delayed = "operation=\"transfer-check\"";
        double before = Metrics.sum(DECISIONS, delayed, "outcome=\"DELAY\"", "reason=\"ATM_TRANSFER_TO_OTHERS\"");
        BANK.request().body("{\"payer\":{\"bank\":\"B102\",\"accountNumber\":\"" + Account.fresh().number() + "\"},"
                        + "\"payee\":{\"bank\":\"B102\",\"accountNumber\":\"" + Account.fresh().number() + "\"},"
                        + "\"amount\":\"500.00\",\"channel\":\"ATM\",\"ownAccount\":false,\"purpose\":\"OTHER\"}")
                .post("/v1/transfer-risk-checks").then().statusCode(200);
        assertEquals(before + 1, Metrics.sum(DECISIONS, delayed, "outcome=\"DELAY\"", "reason=\"ATM_TRANSFER_TO_OTHERS\""));
    }

    @Test
    void everyQueryRefusedByAnAntiScanBucketIsCounted() {
        ParticipantClient scanner = ParticipantClient.platform("PAYMETRIC");
        double before = Metrics.sum("fraudshield_quota_rejections_total", "bucket=\"anti-scan\"");
        int refused = 0;
        for (int i = 0; i < 20; i++) {
            if (scanner.query(Account.fresh()).statusCode() == 429) {
                refused++;
            }
        }
        assertTrue(refused > 0, "30 tokens at 3 a miss");
        assertEquals(before + refused, Metrics.sum("fraudshield_quota_rejections_total", "bucket=\"anti-scan\""));
    }
}
