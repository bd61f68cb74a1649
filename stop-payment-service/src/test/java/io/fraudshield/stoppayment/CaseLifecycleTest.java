package io.fraudshield.stoppayment;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole life of a case: a stop delivered to the inbox and a signed webhook, acknowledged, partly executed
 * with two onward transfers, two follow-ups at the next banks (one under the officer's standing authorisation,
 * one approved from the queue), then a freeze, its renewal, a refund to the victim and the release — with the fund-flow totals checked
 * at every step and the STOPPED / FROZEN markers sent to account-risk.
 */
@QuarkusTest
class CaseLifecycleTest {

    @Test
    void aCaseFromTheFirstStopToTheRelease() {
        Scenario scenario = new Scenario();
        Scenario.Bank first = scenario.bank();
        Scenario.Bank second = scenario.bank();
        Scenario.Bank third = scenario.bank();
        String account = first.account();

        // submitted without a target: the first bank is found from the card's BIN
        String stop = scenario.officer.post("/v1/orders", Bodies.stop(scenario.caseNumber, null, account, "Zhang San", "50000.00"))
                .then().statusCode(201).body("state", equalTo("ISSUED")).body("target", equalTo(first.code()))
                .body("layer", equalTo(1)).body("accountMasked", equalTo(account.substring(0, 4) + "*".repeat(account.length() - 8)
                        + account.substring(account.length() - 4)))
                .body("$", not(org.hamcrest.Matchers.hasKey("accountNumber"))).extract().path("id");

        Await.until("the stop at the first bank's webhook", () -> first.receiver().receivedAbout(stop).size() == 1);
        LoggedRequest webhook = first.receiver().receivedAbout(stop).get(0);
        assertEquals(2, WebhookReceiver.signatureCount(webhook), "one v1 per active secret");
        assertTrue(WebhookReceiver.signedWith(webhook, Scenario.SECRET_1) && WebhookReceiver.signedWith(webhook, Scenario.SECRET_2));
        assertTrue(webhook.getHeader("Webhook-Id").matches("[0-9a-f\\-]{36}"), "an event id for de-duplication");
        JsonPath event = JsonPath.from(webhook.getBodyAsString());
        assertEquals("order.issued", event.getString("type"));
        assertEquals(account, event.getString("data.accountNumber"), "the bank gets its customer's number to match");
        assertEquals("Zhang San", event.getString("data.holderName"));

        first.actor().get("/v1/inbox").then().statusCode(200)
                .body("items.document.order.id", hasItem(stop)).body("items.document.accountNumber", hasItem(account));
        second.actor().get("/v1/inbox").then().statusCode(200).body("items.document.order.id", not(hasItem(stop)));
        totals(scenario, "50000.00", "0.00", "0.00", "50000.00");

        String standing = scenario.officer.post("/v1/cases/" + scenario.caseNumber + "/standing-authorisations",
                Bodies.standing(5, "20000.00")).then().statusCode(201).extract().header("Location");
        scenario.officer.get(standing).then().statusCode(200).body("maxAmount", equalTo("20000.00"));
        second.actor().get(standing).then().statusCode(403);
        first.actor().post("/v1/orders/" + stop + "/feedback", Bodies.acknowledged()).then().statusCode(200)
                .body("state", equalTo("ACKNOWLEDGED"));

        String secondAccount = second.account();
        String thirdAccount = third.account();
        first.actor().post("/v1/orders/" + stop + "/feedback", Bodies.partly("10000.00",
                        Bodies.transfer(second.code(), secondAccount, "Li Si", "15000.00", "TX-" + scenario.agency + "-1"),
                        Bodies.transfer(third.code(), thirdAccount, "Wang Wu", "25000.00", "TX-" + scenario.agency + "-2")))
                .then().statusCode(200).body("state", equalTo("PARTIALLY_EXECUTED")).body("stoppedAmount", equalTo("10000.00"))
                .body("notStoppedAmount", equalTo("40000.00")).body("endsAt", org.hamcrest.Matchers.notNullValue());
        totals(scenario, "50000.00", "10000.00", "0.00", "40000.00");
        Await.until("a STOPPED marker for the first account", () -> AccountRiskStub.markersAddedFor(stop).size() == 1);
        LoggedRequest marker = AccountRiskStub.markersAddedFor(stop).get(0);
        assertTrue(marker.getBodyAsString().contains("\"category\":\"STOPPED\""));
        assertTrue(TokenClaims.of(marker.getHeader("Authorization")).contains("account-risk-service"),
                "our own service token for account-risk's audience");

        // 15,000 is within the standing authorisation: issued at once; 25,000 is not: it waits for the officer
        Await.until("the covered follow-up at the second bank", () -> second.receiver().received().size() == 1);
        String covered = JsonPath.from(second.receiver().received().get(0).getBodyAsString()).getString("data.order.id");
        second.actor().get("/v1/orders/" + covered).then().statusCode(200).body("layer", equalTo(2))
                .body("parentOrderId", equalTo(stop)).body("requestedAmount", equalTo("15000.00"))
                .body("legalBasis", containsString("standing authorisation"));
        List<String> queue = scenario.officer.get("/v1/approvals").then().statusCode(200).extract().path("id");
        assertEquals(1, queue.size());
        String queued = queue.get(0);
        third.actor().get("/v1/orders/" + queued).then().statusCode(404);
        assertEquals(0, third.receiver().received().size(), "nothing reaches a bank before the officer approves");

        scenario.officer.idempotent().post("/v1/orders/" + queued + "/approval").then().statusCode(200)
                .body("state", equalTo("ISSUED")).body("legalBasis", containsString("approved by officer"));
        Await.until("the approved follow-up at the third bank", () -> third.receiver().receivedAbout(queued).size() == 1);
        assertEquals(thirdAccount, JsonPath.from(third.receiver().receivedAbout(queued).get(0).getBodyAsString())
                .getString("data.accountNumber"));

        second.actor().post("/v1/orders/" + covered + "/feedback", Bodies.executed("15000.00")).then().statusCode(200);
        totals(scenario, "50000.00", "25000.00", "0.00", "25000.00");
        third.actor().post("/v1/orders/" + queued + "/feedback", Bodies.executed("25000.00")).then().statusCode(200);
        totals(scenario, "50000.00", "50000.00", "0.00", "0.00");

        // the stop becomes a freeze of what the first account holds; renewed before expiry, then released
        String freeze = scenario.officer.post("/v1/orders", Bodies.freeze(scenario.caseNumber, first.code(), account, "Zhang San", "10000.00"))
                .then().statusCode(201).extract().path("id");
        first.actor().post("/v1/orders/" + freeze + "/feedback", Bodies.executed("10000.00")).then().statusCode(200);
        totals(scenario, "50000.00", "50000.00", "10000.00", "0.00");
        Instant endsAt = Instant.parse(scenario.officer.get("/v1/orders/" + freeze).then().extract().path("endsAt"));
        assertTrue(Duration.between(Instant.now(), endsAt).toDays() >= 180, "a freeze lasts 6 months");
        Await.until("a FROZEN marker", () -> AccountRiskStub.markersAddedFor(freeze).size() == 1);

        String renewal = scenario.officer.post("/v1/orders", Bodies.quoting("EXTEND", scenario.caseNumber, freeze))
                .then().statusCode(201).body("target", equalTo(first.code())).extract().path("id");
        first.actor().post("/v1/orders/" + renewal + "/feedback", Bodies.executedWithoutAmount()).then().statusCode(200);
        Instant renewedEnd = Instant.parse(scenario.officer.get("/v1/orders/" + freeze).then().extract().path("endsAt"));
        assertTrue(Duration.between(endsAt, renewedEnd).toDays() >= 180, "renewed by 6 months from the old end");

        // the victim's traced deposit goes back (docs/rules.md A7); the rest stays frozen
        String refund = scenario.officer.post("/v1/orders/" + freeze + "/refunds", Bodies.tracedRefund("4000.00", "50000.00"))
                .then().statusCode(201).body("state", equalTo("INSTRUCTED")).body("remainder", equalTo("6000.00"))
                .extract().path("id");
        Await.until("the refund instruction at the bank", () -> first.receiver().receivedAbout(refund).size() == 1);
        first.actor().get("/v1/inbox").then().body("items.find { it.refund?.refund?.id == '" + refund + "' }.refund.payments[0].accountNumber",
                equalTo(Bodies.VICTIM_ACCOUNT));
        first.actor().post("/v1/refunds/" + refund + "/receipt", "{\"receiptNumber\":\"R-1\",\"completedAt\":\"" + Instant.now() + "\"}")
                .then().statusCode(200).body("state", equalTo("COMPLETED")).body("overdue", equalTo(false));
        totals(scenario, "50000.00", "50000.00", "6000.00", "0.00");
        scenario.officer.get("/v1/cases/" + scenario.caseNumber + "/fund-flow").then().body("totals.refunded", equalTo("4000.00"));

        int revocationsBefore = AccountRiskStub.revocations().size();
        String release = scenario.officer.post("/v1/orders", Bodies.quoting("RELEASE", scenario.caseNumber, freeze))
                .then().statusCode(201).extract().path("id");
        first.actor().post("/v1/orders/" + release + "/feedback", Bodies.executedWithoutAmount()).then().statusCode(200);
        scenario.officer.get("/v1/orders/" + freeze).then().body("state", equalTo("RELEASED"));
        totals(scenario, "50000.00", "50000.00", "0.00", "0.00");
        Await.until("the FROZEN marker revoked", () -> AccountRiskStub.revocations().size() == revocationsBefore + 1);

        // every webhook attempt is on record
        scenario.officer.get("/v1/orders/" + stop + "/delivery-attempts").then().statusCode(200)
                .body("outcome", hasItem("DELIVERED")).body("participant", hasItem(first.code()));
        Actor.regulator().get("/v1/cases/" + scenario.caseNumber + "/fund-flow").then().statusCode(200)
                .body("roots[0].children.size()", equalTo(2));
        String svg = scenario.officer.request().accept("image/svg+xml").get("/v1/cases/" + scenario.caseNumber + "/fund-flow/svg")
                .then().statusCode(200).contentType("image/svg+xml").extract().asString();
        assertTrue(svg.startsWith("<svg") && svg.contains("L2 " + second.code()) && svg.contains("missing 0.00 CNY"));
        assertTrue(!svg.contains(account) && !svg.contains("Zhang San"), "the picture shows masked accounts only");
        Actor.police(Actor.freshCode("PSB"), "elsewhere").request().accept("image/svg+xml")
                .get("/v1/cases/" + scenario.caseNumber + "/fund-flow/svg").then().statusCode(404);
    }

    private static void totals(Scenario scenario, String requested, String stopped, String frozen, String missing) {
        scenario.officer.get("/v1/cases/" + scenario.caseNumber + "/fund-flow").then().statusCode(200)
                .body("totals.requested", equalTo(requested)).body("totals.stopped", equalTo(stopped))
                .body("totals.frozen", equalTo(frozen)).body("totals.missing", equalTo(missing));
    }
}
