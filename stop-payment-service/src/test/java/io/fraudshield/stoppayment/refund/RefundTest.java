package io.fraudshield.stoppayment.refund;

import io.agroal.api.AgroalDataSource;
import io.fraudshield.localstack.TestSql;
import io.fraudshield.stoppayment.Actor;
import io.fraudshield.stoppayment.Bodies;
import io.fraudshield.stoppayment.Scenario;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class RefundTest {

    @Inject
    AgroalDataSource dataSource;

    private static String executedFreeze(Scenario scenario, Scenario.Bank bank, String amount) {
        String freeze = scenario.officer.post("/v1/orders", Bodies.freeze(scenario.caseNumber, bank.code(), bank.account(), "He Shisan", amount))
                .then().statusCode(201).extract().path("id");
        bank.actor().post("/v1/orders/" + freeze + "/feedback", Bodies.executed(amount)).then().statusCode(200);
        return freeze;
    }

    @Test
    void aProportionalRefundWaitsForTheNoticeThenGoesToTheBankAndIsOverdueWithoutAReceipt() throws Exception {
        Scenario scenario = new Scenario();
        Scenario.Bank bank = scenario.bank(null, false);
        String freeze = executedFreeze(scenario, bank, "1000.00");

        String refund = scenario.officer.post("/v1/orders/" + freeze + "/refunds", Bodies.proportionalRefund("1000.00", "1000.00", "1000.00"))
                .then().statusCode(201).body("state", equalTo("NOTICE")).body("total", equalTo("999.99"))
                .body("remainder", equalTo("0.01")).body("shares.amount", equalTo(List.of("333.33", "333.33", "333.33")))
                .extract().path("id");
        scenario.officer.idempotent().post("/v1/refunds/" + refund + "/instruction").then().statusCode(409);
        bank.actor().get("/v1/refunds/" + refund).then().statusCode(404);
        bank.actor().get("/v1/inbox").then().body("items.refund.refund.id", not(hasItem(refund)));

        TestSql.execute(dataSource, "update refund set notice_ends_at = now() - interval '1 second' where id = '" + refund + "'");
        scenario.officer.idempotent().post("/v1/refunds/" + refund + "/instruction").then().statusCode(200)
                .body("state", equalTo("INSTRUCTED")).body("overdue", equalTo(false));
        bank.actor().get("/v1/inbox").then().body("items.find { it.refund?.refund?.id == '" + refund + "' }.refund.payments.size()",
                equalTo(3));

        // nothing beyond what is frozen and not yet refunded
        scenario.officer.post("/v1/orders/" + freeze + "/refunds", Bodies.tracedRefund("0.02", "5.00")).then().statusCode(422);
        scenario.officer.post("/v1/orders/" + freeze + "/refunds", Bodies.tracedRefund("0.01", "5.00")).then().statusCode(201);

        TestSql.execute(dataSource, "update refund set due_by = now() - interval '1 second' where id = '" + refund + "'");
        scenario.officer.get("/v1/refunds/" + refund).then().statusCode(200).body("overdue", equalTo(true));
        scenario.officer.get("/v1/refunds/overdue").then().statusCode(200).body("id", hasItem(refund));
        Actor.regulator().get("/v1/refunds/overdue").then().statusCode(200).body("id", hasItem(refund));
        Actor.police(Actor.freshCode("PSB"), "elsewhere").get("/v1/refunds/overdue").then().statusCode(200)
                .body("id", not(hasItem(refund)));
        Scenario.Bank other = scenario.bank(null, false);
        other.actor().post("/v1/refunds/" + refund + "/receipt", receipt()).then().statusCode(404);
        Actor.police(Actor.freshCode("PSB"), "elsewhere").get("/v1/refunds/" + refund).then().statusCode(404);
        bank.actor().post("/v1/refunds/" + refund + "/receipt", receipt()).then().statusCode(200).body("state", equalTo("COMPLETED"))
                .body("overdue", equalTo(true));
        bank.actor().post("/v1/refunds/" + refund + "/receipt", receipt()).then().statusCode(200);
        scenario.officer.get("/v1/refunds/overdue").then().body("id", not(hasItem(refund)));
        assertEquals(0, TestSql.number(dataSource, "select count(*) from refund where id = ?::uuid and sealed_victims is not null", refund),
                "the victims' accounts are erased after the receipt");
    }

    @Test
    void anObjectionHoldsTheRefundAndFreesItsMoneyForANewDecision() {
        Scenario scenario = new Scenario();
        Scenario.Bank bank = scenario.bank(null, false);
        String freeze = executedFreeze(scenario, bank, "600.00");
        String refund = scenario.officer.post("/v1/orders/" + freeze + "/refunds", Bodies.proportionalRefund("300.00", "900.00"))
                .then().statusCode(201).body("shares.amount", equalTo(List.of("150.00", "450.00"))).extract().path("id");
        scenario.officer.post("/v1/orders/" + freeze + "/refunds", Bodies.tracedRefund("1.00", "5.00")).then().statusCode(422);

        scenario.officer.post("/v1/refunds/" + refund + "/objection", "{\"objection\":\"A third victim claims a share\"}")
                .then().statusCode(200).body("state", equalTo("HELD"));
        scenario.officer.idempotent().post("/v1/refunds/" + refund + "/instruction").then().statusCode(409);
        scenario.officer.post("/v1/orders/" + freeze + "/refunds", Bodies.tracedRefund("600.00", "600.00")).then().statusCode(201)
                .body("state", equalTo("INSTRUCTED"));
    }

    @Test
    void aRefundNeedsTwoOfficersAndAFreezeThatHoldsMoney() {
        Scenario scenario = new Scenario();
        Scenario.Bank bank = scenario.bank(null, false);
        String freeze = executedFreeze(scenario, bank, "600.00");
        scenario.officer.post("/v1/orders/" + freeze + "/refunds", Bodies.tracedRefund("1.00", "5.00")
                .replace("[\"officer-a\",\"officer-b\"]", "[\"officer-a\",\"officer-a\"]")).then().statusCode(400)
                .body("errors[0].field", equalTo("$.officers"));
        String stop = scenario.officer.post("/v1/orders", Bodies.stop(scenario.caseNumber, bank.code(), bank.account(), "He Shisan", "5.00"))
                .then().statusCode(201).extract().path("id");
        bank.actor().post("/v1/orders/" + stop + "/feedback", Bodies.executed("5.00")).then().statusCode(200);
        scenario.officer.post("/v1/orders/" + stop + "/refunds", Bodies.tracedRefund("1.00", "5.00")).then().statusCode(409);
        bank.actor().post("/v1/orders/" + freeze + "/refunds", Bodies.tracedRefund("1.00", "5.00")).then().statusCode(403);
    }

    private static String receipt() {
        return "{\"receiptNumber\":\"R-77\",\"completedAt\":\"" + Instant.now() + "\"}";
    }
}
