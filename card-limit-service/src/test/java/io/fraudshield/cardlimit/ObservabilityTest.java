package io.fraudshield.cardlimit;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.fraudshield.localstack.Metrics;
import io.fraudshield.localstack.TestPeople;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** card-limit's decisions and rate limit as metrics; its look-up at account-risk joins the caller's trace. */
@QuarkusTest
class ObservabilityTest {

    @Test
    void theRestrictionLookUpAtAccountRiskCarriesTheTraceOfTheBanksRequest() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        BankClient.of("B102").request().header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .body(BankClient.opening(TestPeople.residentId(), BankClient.CLASS_II, BankClient.DEBIT_CARD, "COUNTER",
                        null, null))
                .post("/v1/opening-checks").then().statusCode(200);
        URI stub = URI.create(ConfigProvider.getConfig().getValue("quarkus.rest-client.account-risk.url", String.class));
        assertFalse(new WireMock(stub.getHost(), stub.getPort()).find(getRequestedFor(urlPathMatching("/v1/person-restrictions/.*"))
                .withHeader("traceparent", containing("00-" + traceId + "-"))).isEmpty(), "account-risk sees the bank's trace");
    }

    @Test
    void checksAndReservationsAreCountedByOutcomeAndFirstReason() {
        String check = "operation=\"opening-check\"";
        String reservation = "operation=\"opening-reservation\"";
        double allowedChecks = Metrics.sum("fraudshield_decisions_total", check, "outcome=\"ALLOW\"", "reason=\"NONE\"");
        double deniedReservations = Metrics.sum("fraudshield_decisions_total", reservation, "outcome=\"DENY\"",
                "reason=\"CLASS_I_EXISTS\"");
        BankClient bank = BankClient.of("B102");
        String person = TestPeople.residentId();
        bank.check(person).then().statusCode(200);
        assertEquals(allowedChecks + 1, Metrics.sum("fraudshield_decisions_total", check, "outcome=\"ALLOW\"", "reason=\"NONE\""));

        bank.open(person, "CLASS_I", null);
        bank.reserve(person, "CLASS_I", null).then().statusCode(200);
        assertEquals(deniedReservations + 1, Metrics.sum("fraudshield_decisions_total", reservation, "outcome=\"DENY\"",
                "reason=\"CLASS_I_EXISTS\""));
    }

    @Test
    void everyRequestRefusedByTheOpeningRateLimitIsCounted() {
        double before = Metrics.sum("fraudshield_quota_rejections_total", "bucket=\"opening-rate\"");
        BankClient bank = BankClient.of("B334");
        int refused = 0;
        for (int i = 0; i < 25; i++) {
            if (bank.check(TestPeople.residentId()).statusCode() == 429) {
                refused++;
            }
        }
        assertEquals(5, refused, "the test-scan tier holds 20");
        assertEquals(before + 5, Metrics.sum("fraudshield_quota_rejections_total", "bucket=\"opening-rate\""));
    }
}
