package io.fraudshield.stoppayment;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.agroal.api.AgroalDataSource;
import io.fraudshield.localstack.Metrics;
import io.fraudshield.localstack.TestSql;
import io.fraudshield.stoppayment.deadline.FeedbackDeadlines;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One police order's trace from the request to the bank's webhook and account-risk's marker; its metrics. */
@QuarkusTest
class ObservabilityTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    FeedbackDeadlines feedbackDeadlines;

    @Test
    void theOrdersTraceReachesTheBanksWebhookAndAccountRiskThroughTheOutboxAndTheLagIsMeasured() {
        Scenario scenario = new Scenario();
        Scenario.Bank bank = scenario.bank();
        String participant = "participant=\"" + bank.code() + "\"";
        assertEquals(0, Metrics.sum("fraudshield_webhook_delivery_lag_seconds_count", participant));
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String order = scenario.officer.idempotent().header("traceparent", "00-" + traceId + "-" + HexFormat.of()
                        .formatHex(randomBytes(8)) + "-01")
                .body(Bodies.stop(scenario.caseNumber, bank.code(), bank.account(), "Chen Jing", "800.00"))
                .post("/v1/orders").then().statusCode(201).extract().path("id");

        Await.until("the webhook", () -> bank.receiver().receivedAbout(order).size() == 1);
        assertTraceOf(traceId, bank.receiver().receivedAbout(order).get(0));
        Await.until("the lag of the acknowledged webhook",
                () -> Metrics.sum("fraudshield_webhook_delivery_lag_seconds_count", participant) == 1);
        assertTrue(Metrics.scrape().lines().anyMatch(line -> line.startsWith("fraudshield_webhook_delivery_lag_seconds_bucket{")
                && line.contains(participant) && line.contains("le=\"30.0\"")), "a histogram with the objectives as buckets");

        // the marker message is written by the bank's feedback request: account-risk sees that request's trace
        String feedbackTrace = HexFormat.of().formatHex(randomBytes(16));
        bank.actor().idempotent().header("traceparent", "00-" + feedbackTrace + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01")
                .body(Bodies.executed("800.00")).post("/v1/orders/" + order + "/feedback").then().statusCode(200);
        Await.until("the STOPPED marker", () -> AccountRiskStub.markersAddedFor(order).size() == 1);
        assertTraceOf(feedbackTrace, AccountRiskStub.markersAddedFor(order).get(0));
    }

    @Test
    void feedbackIsADecisionAndALateAnswerAMissedDeadlineWhileUnansweredOrdersAreOverdue() throws Exception {
        Scenario scenario = new Scenario();
        Scenario.Bank bank = scenario.bank(null, false);
        String onTime = order(scenario, bank);
        String late = order(scenario, bank);
        double missed = Metrics.sum("fraudshield_stop_orders_deadline_missed_total", "order_type=\"STOP_PAYMENT\"");
        double executed = Metrics.sum("fraudshield_decisions_total", "operation=\"order-feedback\"", "outcome=\"EXECUTED\"");
        // one instant for every count: orders of other tests do not cross the deadline between two of them
        Instant now = Instant.now();
        long overdue = feedbackDeadlines.refreshOverdue(now);
        assertEquals(overdue, Metrics.sum("fraudshield_stop_orders_overdue"));

        TestSql.execute(dataSource, "update stop_order set issued_at = now() - interval '2 minutes' where id = '" + late + "'");
        assertEquals(overdue + 1, feedbackDeadlines.refreshOverdue(now), "issued 2 min ago, unanswered");
        assertEquals(overdue + 1, Metrics.sum("fraudshield_stop_orders_overdue"));

        bank.actor().post("/v1/orders/" + onTime + "/feedback", Bodies.executed("800.00")).then().statusCode(200);
        assertEquals(missed, Metrics.sum("fraudshield_stop_orders_deadline_missed_total", "order_type=\"STOP_PAYMENT\""),
                "answered within the minute");
        bank.actor().post("/v1/orders/" + late + "/feedback", Bodies.executed("800.00")).then().statusCode(200);
        assertEquals(missed + 1, Metrics.sum("fraudshield_stop_orders_deadline_missed_total", "order_type=\"STOP_PAYMENT\""));
        assertEquals(executed + 2, Metrics.sum("fraudshield_decisions_total", "operation=\"order-feedback\"",
                "outcome=\"EXECUTED\"", "reason=\"NONE\""));
        assertEquals(overdue, feedbackDeadlines.refreshOverdue(now), "answered: no longer overdue");
    }

    private static String order(Scenario scenario, Scenario.Bank bank) {
        return scenario.officer.post("/v1/orders", Bodies.stop(scenario.otherCase(), bank.code(), bank.account(),
                "Chen Jing", "800.00")).then().statusCode(201).extract().path("id");
    }

    private static void assertTraceOf(String traceId, LoggedRequest request) {
        String traceparent = request.getHeader("traceparent");
        assertNotNull(traceparent, "traceparent sent");
        assertTrue(traceparent.startsWith("00-" + traceId + "-"), traceparent);
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1;
        return bytes;
    }
}
