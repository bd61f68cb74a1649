package io.fraudshield.stoppayment.feedback;

import io.agroal.api.AgroalDataSource;
import io.fraudshield.common.outbox.OutboxRelay;
import io.fraudshield.localstack.TestSql;
import io.fraudshield.stoppayment.AccountRiskStub;
import io.fraudshield.stoppayment.Actor;
import io.fraudshield.stoppayment.Bodies;
import io.fraudshield.stoppayment.Scenario;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class FeedbackTest {

    private static final String CONFLICT = "https://fraudshield.io/problems/conflict";

    @Inject
    OutboxRelay relay;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aMismatchedNameIsNotExecutedAndStopsNothing() {
        Scenario scenario = new Scenario();
        Scenario.Bank bank = scenario.bank(null, false);
        String order = scenario.officer.post("/v1/orders", Bodies.stop(scenario.caseNumber, bank.code(), bank.account(),
                "Zhao Liu", "3000.00")).then().statusCode(201).extract().path("id");

        bank.actor().post("/v1/orders/" + order + "/feedback", Bodies.notExecuted("NAME_MISMATCH",
                        Bodies.transfer(bank.code(), bank.account(), "Someone", "100.00", "TX-" + UUID.randomUUID().toString().substring(0, 8))))
                .then().statusCode(400).body("errors[0].field", equalTo("$.onwardTransfers"));
        bank.actor().post("/v1/orders/" + order + "/feedback", "{\"status\":\"NOT_EXECUTED\",\"reason\":\"NAME_MISMATCH\","
                        + "\"stoppedAmount\":\"3000.00\"}").then().statusCode(400);
        bank.actor().post("/v1/orders/" + order + "/feedback", Bodies.notExecuted("NAME_MISMATCH")).then().statusCode(200)
                .body("state", equalTo("NOT_EXECUTED")).body("notExecutedReason", equalTo("NAME_MISMATCH"))
                .body("stoppedAmount", equalTo("0.00")).body("notStoppedAmount", equalTo("3000.00"))
                .body("endsAt", equalTo(null));

        relay.relayDue();
        assertEquals(0, AccountRiskStub.markersAddedFor(order).size(), "no STOPPED marker for an order not executed");
        scenario.officer.get("/v1/cases/" + scenario.caseNumber + "/fund-flow").then().statusCode(200)
                .body("totals.stopped", equalTo("0.00")).body("totals.missing", equalTo("3000.00"));
        bank.actor().get("/v1/inbox").then().body("items.find { it.document.order.id == '" + order + "' }.document.accountNumber",
                equalTo(null));
        assertEquals(0, TestSql.number(dataSource, "select count(*) from stop_order where id = ? and sealed_details is not null",
                UUID.fromString(order)), "the clear account number and name are erased once the bank has answered");
    }

    @Test
    void duplicateAndLateCallbacksAreHarmlessAndAnotherAnswerIsAConflict() {
        Scenario scenario = new Scenario();
        Scenario.Bank bank = scenario.bank(null, false);
        String order = scenario.officer.post("/v1/orders", Bodies.stop(scenario.caseNumber, bank.code(), bank.account(),
                "Zhao Liu", "3000.00")).then().statusCode(201).extract().path("id");

        bank.actor().post("/v1/orders/" + order + "/feedback", Bodies.executed("3000.01")).then().statusCode(400)
                .body("errors[0].field", equalTo("$.stoppedAmount"));
        bank.actor().post("/v1/orders/" + order + "/feedback", Bodies.partly("3000.00")).then().statusCode(400);
        bank.actor().post("/v1/orders/" + order + "/feedback", Bodies.executed("3000.00")).then().statusCode(200)
                .body("state", equalTo("EXECUTED"));
        String endsAt = scenario.officer.get("/v1/orders/" + order).then().extract().path("endsAt");
        bank.actor().post("/v1/orders/" + order + "/feedback", Bodies.executed("3000.00")).then().statusCode(200)
                .body("state", equalTo("EXECUTED")).body("endsAt", equalTo(endsAt));
        bank.actor().post("/v1/orders/" + order + "/feedback", Bodies.acknowledged()).then().statusCode(200)
                .body("state", equalTo("EXECUTED"));
        bank.actor().post("/v1/orders/" + order + "/feedback", Bodies.partly("100.00")).then().statusCode(409)
                .body("type", equalTo(CONFLICT));
        bank.actor().post("/v1/orders/" + order + "/feedback", Bodies.notExecuted("ACCOUNT_CLOSED")).then().statusCode(409);

        relay.relayDue();
        assertEquals(1, AccountRiskStub.markersAddedFor(order).size(), "one marker however often the bank answered");
    }

    @Test
    void bankBCannotReadOrAnswerBankAsOrdersNorAnotherAgencyItsCases() {
        Scenario scenario = new Scenario();
        Scenario.Bank bankA = scenario.bank(null, false);
        Scenario.Bank bankB = scenario.bank(null, false);
        String order = scenario.officer.post("/v1/orders", Bodies.stop(scenario.caseNumber, bankA.code(), bankA.account(),
                "Zhao Liu", "3000.00")).then().statusCode(201).extract().path("id");

        bankB.actor().get("/v1/orders/" + order).then().statusCode(404);
        bankB.actor().post("/v1/orders/" + order + "/feedback", Bodies.executed("3000.00")).then().statusCode(404);
        bankB.actor().get("/v1/orders/" + order + "/delivery-attempts").then().statusCode(404);
        bankB.actor().get("/v1/inbox").then().statusCode(200).body("items.document.order.id", not(hasItem(order)));

        Actor otherAgency = Actor.police(Actor.freshCode("PSB"), "someone-else");
        otherAgency.get("/v1/orders/" + order).then().statusCode(404);
        otherAgency.get("/v1/cases/" + scenario.caseNumber + "/fund-flow").then().statusCode(404);
        otherAgency.post("/v1/orders", Bodies.stop(scenario.caseNumber, bankA.code(), bankA.account(), "Zhao Liu", "1.00"))
                .then().statusCode(404);
        otherAgency.post("/v1/orders", Bodies.quoting("RELEASE", scenario.caseNumber, order)).then().statusCode(404);
        otherAgency.post("/v1/cases/" + scenario.caseNumber + "/standing-authorisations", Bodies.standing(3, "100.00"))
                .then().statusCode(404);
        Actor.police(scenario.agency, "a-colleague").post("/v1/cases/" + scenario.caseNumber + "/standing-authorisations",
                Bodies.standing(3, "100.00")).then().statusCode(403);
        scenario.officer.post("/v1/orders/" + order + "/feedback", Bodies.executed("3000.00")).then().statusCode(403);

        Actor.regulator().get("/v1/orders/" + order).then().statusCode(200);
        bankA.actor().get("/v1/orders/" + order).then().statusCode(200);
        bankA.actor().post("/v1/orders/" + order + "/feedback", Bodies.executed("3000.00")).then().statusCode(200);
    }

    @Test
    void anOrderGoesOnlyToARegisteredInstitution() {
        Scenario scenario = new Scenario();
        scenario.officer.post("/v1/orders", Bodies.stop(scenario.caseNumber, "NOSUCHBANK", "6217000010012345671", "Zhao Liu", "1.00"))
                .then().statusCode(400).body("errors[0].field", equalTo("$.target"));
        scenario.officer.post("/v1/orders", Bodies.stop(scenario.caseNumber, scenario.agency, "6217000010012345671", "Zhao Liu", "1.00"))
                .then().statusCode(400);
        scenario.officer.post("/v1/orders", Bodies.stop(scenario.caseNumber, null, "1111110010012345671", "Zhao Liu", "1.00"))
                .then().statusCode(400).body("errors[0].field", equalTo("$.target"));
        scenario.officer.post("/v1/orders", Bodies.quoting("EXTEND", scenario.caseNumber, UUID.randomUUID().toString()))
                .then().statusCode(404);
        scenario.officer.request().body(Bodies.stop(scenario.caseNumber, null, "6217000010012345671", "Zhao Liu", "1.00"))
                .post("/v1/orders").then().statusCode(400)
                .body("type", equalTo("https://fraudshield.io/problems/idempotency-key-missing"));
    }
}
