package io.fraudshield.stoppayment.deadline;

import io.fraudshield.common.outbox.OutboxRelay;
import io.fraudshield.stoppayment.AccountRiskStub;
import io.fraudshield.stoppayment.Actor;
import io.fraudshield.stoppayment.Await;
import io.fraudshield.stoppayment.Bodies;
import io.fraudshield.stoppayment.Scenario;
import io.fraudshield.stoppayment.WebhookReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class DeadlineTest {

    private static final String LIMIT = "https://fraudshield.io/problems/order-limit-reached";
    private static final String EXPIRED = "https://fraudshield.io/problems/order-expired";

    @Inject
    DeadlineJob job;
    @Inject
    OutboxRelay relay;

    @Test
    void aThirdStopOnOneAccountInACaseIsRefused() {
        Scenario scenario = new Scenario();
        Scenario.Bank bank = scenario.bank(null, false);
        String account = bank.account();
        String first = scenario.officer.post("/v1/orders", Bodies.stop(scenario.caseNumber, bank.code(), account, "Wu Jiu", "500.00"))
                .then().statusCode(201).extract().path("id");
        scenario.officer.post("/v1/orders", Bodies.stop(scenario.caseNumber, bank.code(), " " + account + " ", "Wu Jiu", "500.00"))
                .then().statusCode(201);
        scenario.officer.post("/v1/orders", Bodies.stop(scenario.caseNumber, bank.code(), account, "Wu Jiu", "500.00"))
                .then().statusCode(409).body("type", equalTo(LIMIT));
        // a stop the bank refused does not count; another case is another count
        bank.actor().post("/v1/orders/" + first + "/feedback", Bodies.notExecuted("TRANSACTION_MISMATCH")).then().statusCode(200);
        scenario.officer.post("/v1/orders", Bodies.stop(scenario.caseNumber, bank.code(), account, "Wu Jiu", "500.00"))
                .then().statusCode(201);
        scenario.officer.post("/v1/orders", Bodies.stop(scenario.otherCase(), bank.code(), account, "Wu Jiu", "500.00"))
                .then().statusCode(201);
    }

    @Test
    void aStopEnds48HoursAfterTheEffectiveTimeTheBankReports() {
        Scenario scenario = new Scenario();
        Scenario.Bank bank = scenario.bank(null, false);
        String stop = scenario.officer.post("/v1/orders", Bodies.stop(scenario.caseNumber, bank.code(), bank.account(), "Wu Jiu", "500.00"))
                .then().statusCode(201).extract().path("id");
        Instant effective = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        bank.actor().post("/v1/orders/" + stop + "/feedback", "{\"status\":\"EXECUTED\",\"stoppedAmount\":\"500.00\","
                + "\"effectiveAt\":\"" + effective + "\"}").then().statusCode(200)
                .body("endsAt", equalTo(effective.plus(Duration.ofHours(48)).toString()));
    }

    @Test
    void anUnrenewedFreezeLapsesByItselfRemovesItsMarkerAndCannotBeRenewedAfter() {
        Scenario scenario = new Scenario();
        Scenario.Bank bank = scenario.bank();
        String freeze = scenario.officer.post("/v1/orders", Bodies.freeze(scenario.caseNumber, bank.code(), bank.account(), "Wu Jiu", "700.00"))
                .then().statusCode(201).extract().path("id");
        bank.actor().post("/v1/orders/" + freeze + "/feedback", Bodies.executed("700.00")).then().statusCode(200);
        Await.until("the FROZEN marker", () -> AccountRiskStub.markersAddedFor(freeze).size() == 1);
        Instant endsAt = Instant.parse(scenario.officer.get("/v1/orders/" + freeze).then().extract().path("endsAt"));

        job.expireDue(endsAt.minusSeconds(1));
        scenario.officer.get("/v1/orders/" + freeze).then().body("state", equalTo("EXECUTED"));
        int revocations = AccountRiskStub.revocations().size();
        job.expireDue(endsAt);
        scenario.officer.get("/v1/orders/" + freeze).then().body("state", equalTo("EXPIRED"))
                .body("endedAt", equalTo(endsAt.toString()));
        relay.relayDue();
        Await.until("the marker revoked", () -> AccountRiskStub.revocations().size() > revocations);
        Await.until("the bank told", () -> bank.receiver().received().stream()
                .anyMatch(r -> r.getBodyAsString().contains("order.expired") && r.getBodyAsString().contains(freeze)));

        scenario.officer.post("/v1/orders", Bodies.quoting("EXTEND", scenario.caseNumber, freeze)).then().statusCode(409)
                .body("type", equalTo(EXPIRED));
        scenario.officer.post("/v1/orders", Bodies.quoting("RELEASE", scenario.caseNumber, freeze)).then().statusCode(409)
                .body("type", equalTo(EXPIRED));
        bank.actor().get("/v1/inbox").then().statusCode(200)
                .body("items.findAll { it.document.order.id == '" + freeze + "' }.type", equalTo(List.of("order.issued", "order.expired")))
                .body("items.find { it.type == 'order.expired' }.document.order.state", equalTo("EXPIRED"));
    }

    @Test
    void aRenewalTheBankExecutesAfterTheFreezeEndedIsRefused() {
        Scenario scenario = new Scenario();
        Scenario.Bank bank = scenario.bank(null, false);
        String freeze = scenario.officer.post("/v1/orders", Bodies.freeze(scenario.caseNumber, bank.code(), bank.account(), "Wu Jiu", "700.00"))
                .then().statusCode(201).extract().path("id");
        bank.actor().post("/v1/orders/" + freeze + "/feedback", Bodies.executed("700.00")).then().statusCode(200);
        String renewal = scenario.officer.post("/v1/orders", Bodies.quoting("EXTEND", scenario.caseNumber, freeze))
                .then().statusCode(201).extract().path("id");
        Instant endsAt = Instant.parse(scenario.officer.get("/v1/orders/" + freeze).then().extract().path("endsAt"));

        job.expireDue(endsAt);
        bank.actor().post("/v1/orders/" + renewal + "/feedback", Bodies.executedWithoutAmount()).then().statusCode(409)
                .body("type", equalTo(EXPIRED));
        scenario.officer.get("/v1/orders/" + freeze).then().body("state", equalTo("EXPIRED")).body("endsAt", equalTo(endsAt.toString()));
        bank.actor().post("/v1/orders/" + renewal + "/feedback", Bodies.notExecuted("OTHER")).then().statusCode(200);
    }

    @Test
    void theAgencyIsRemindedOnce24AndOnce6HoursBeforeAnEnd() {
        Scenario scenario = new Scenario();
        WebhookReceiver agencyHooks = WebhookReceiver.started();
        Actor.admin().idempotent().body(Bodies.participant("POLICE", agencyHooks.url())).put("/v1/participants/" + scenario.agency)
                .then().statusCode(201);
        Actor.admin().post("/v1/participants/" + scenario.agency + "/signing-secrets", Bodies.secret(Scenario.SECRET_1)).then().statusCode(200);
        Scenario.Bank bank = scenario.bank(null, false);
        String stop = scenario.officer.post("/v1/orders", Bodies.stop(scenario.caseNumber, bank.code(), bank.account(), "Wu Jiu", "500.00"))
                .then().statusCode(201).extract().path("id");
        bank.actor().post("/v1/orders/" + stop + "/feedback", Bodies.executed("500.00")).then().statusCode(200);
        Instant endsAt = Instant.parse(scenario.officer.get("/v1/orders/" + stop).then().extract().path("endsAt"));

        job.remindDue(endsAt.minus(Duration.ofHours(25)));
        job.remindDue(endsAt.minus(Duration.ofHours(23)));
        job.remindDue(endsAt.minus(Duration.ofHours(22)));
        relay.relayDue();
        Await.until("the 24 h reminder", () -> agencyHooks.receivedAbout(stop).size() == 1);
        job.remindDue(endsAt.minus(Duration.ofHours(5)));
        job.remindDue(endsAt.minus(Duration.ofHours(4)));
        relay.relayDue();
        Await.until("the 6 h reminder", () -> agencyHooks.receivedAbout(stop).size() == 2);
        List<String> leads = agencyHooks.receivedAbout(stop).stream()
                .map(r -> JsonPath.from(r.getBodyAsString()).getString("data.leadTime")).toList();
        assertEquals(List.of("PT24H", "PT6H"), leads);
        assertEquals("order.expiring", JsonPath.from(agencyHooks.receivedAbout(stop).get(0).getBodyAsString()).getString("type"));
    }
}
