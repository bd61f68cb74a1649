package io.fraudshield.stoppayment.trail;

import io.fraudshield.stoppayment.Actor;
import io.fraudshield.stoppayment.Bodies;
import io.fraudshield.stoppayment.Scenario;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class TrailTest {

    @Test
    void theSixthLayerIsNotFollowedByDefault() {
        Scenario scenario = new Scenario();
        scenario.officer.post("/v1/orders", Bodies.stop(scenario.caseNumber, scenario.bank(null, false).code(),
                "6217000010012345671", "Sun Qi", "9000.00")).then().statusCode(201);
        scenario.officer.post("/v1/cases/" + scenario.caseNumber + "/standing-authorisations", Bodies.standing(5, "100000.00"))
                .then().statusCode(201);
        // a case exists from its first order on; the chain below starts at a second root
        Scenario.Bank current = scenario.bank(null, false);
        String order = scenario.officer.post("/v1/orders", Bodies.stop(scenario.caseNumber, current.code(), current.account(),
                "Sun Qi", "9000.00")).then().statusCode(201).extract().path("id");
        for (int layer = 1; layer <= 5; layer++) {
            Scenario.Bank next = scenario.bank(null, false);
            current.actor().post("/v1/orders/" + order + "/feedback", Bodies.notExecuted("INSUFFICIENT_BALANCE",
                    Bodies.transfer(next.code(), next.account(), "Mule " + layer, "9000.00", "TX-" + scenario.agency + "-L" + layer)))
                    .then().statusCode(200);
            List<String> received = next.actor().get("/v1/inbox").then().statusCode(200).extract().path("items.document.order.id");
            if (layer < 5) {
                assertEquals(1, received.size(), "layer " + (layer + 1) + " is followed");
                next.actor().get("/v1/orders/" + received.get(0)).then().body("layer", equalTo(layer + 1))
                        .body("state", equalTo("ISSUED"));
                order = received.get(0);
                current = next;
            } else {
                assertEquals(0, received.size(), "layer 6 is not followed by default");
            }
        }
        JsonPath flow = scenario.officer.get("/v1/cases/" + scenario.caseNumber + "/fund-flow").then().statusCode(200)
                .extract().jsonPath();
        String deepest = "roots[1].children[0].children[0].children[0].children[0]";
        assertEquals(5, flow.getInt(deepest + ".layer"));
        assertEquals("LAYER_LIMIT", flow.getString(deepest + ".notFollowed[0].reason"));
    }

    @Test
    void theSameTransactionReportedTwiceMakesOneOrderAndFollowUpsAskNoMoreThanIsMissing() {
        Scenario scenario = new Scenario();
        scenario.officer.post("/v1/cases/" + scenario.caseNumber + "/standing-authorisations", Bodies.standing(5, "100000.00"))
                .then().statusCode(404);
        Scenario.Bank first = scenario.bank(null, false);
        Scenario.Bank second = scenario.bank(null, false);
        Scenario.Bank next = scenario.bank(null, false);
        String one = scenario.officer.post("/v1/orders", Bodies.stop(scenario.caseNumber, first.code(), first.account(),
                "Sun Qi", "10000.00")).then().statusCode(201).extract().path("id");
        String two = scenario.officer.post("/v1/orders", Bodies.stop(scenario.caseNumber, second.code(), second.account(),
                "Sun Qi", "10000.00")).then().statusCode(201).extract().path("id");
        scenario.officer.post("/v1/cases/" + scenario.caseNumber + "/standing-authorisations", Bodies.standing(5, "100000.00"))
                .then().statusCode(201);
        String shared = Bodies.transfer(next.code(), next.account(), "Zhou Ba", "5000.00", "TX-" + scenario.agency + "-SAME");

        // stopped 4,000 of 10,000: 6,000 missing, so the second 5,000 transfer is followed for 1,000 only
        String other = Bodies.transfer(next.code(), next.account(), "Zhou Ba", "5000.00", "TX-" + scenario.agency + "-OTHER");
        first.actor().post("/v1/orders/" + one + "/feedback", Bodies.partly("4000.00", shared, shared, other)).then().statusCode(200);
        second.actor().post("/v1/orders/" + two + "/feedback", Bodies.notExecuted("INSUFFICIENT_BALANCE", shared)).then().statusCode(200);

        List<String> amounts = next.actor().get("/v1/inbox").then().statusCode(200).extract().path("items.document.order.requestedAmount");
        assertEquals(List.of("5000.00", "1000.00"), amounts, "one order per transaction id, capped by what is missing");
        JsonPath flow = scenario.officer.get("/v1/cases/" + scenario.caseNumber + "/fund-flow").then().extract().jsonPath();
        assertEquals(List.of("DUPLICATE_TRANSACTION"), flow.getList("roots[0].notFollowed.reason"));
        assertEquals(List.of("DUPLICATE_TRANSACTION"), flow.getList("roots[1].notFollowed.reason"));
    }

    @Test
    void aFollowUpWithoutAuthorisationWaitsForTheCaseOfficerAlone() {
        Scenario scenario = new Scenario();
        Scenario.Bank first = scenario.bank(null, false);
        Scenario.Bank next = scenario.bank(null, false);
        String root = scenario.officer.post("/v1/orders", Bodies.stop(scenario.caseNumber, first.code(), first.account(),
                "Sun Qi", "10000.00")).then().statusCode(201).extract().path("id");
        first.actor().post("/v1/orders/" + root + "/feedback", Bodies.notExecuted("INSUFFICIENT_BALANCE",
                Bodies.transfer(next.code(), next.account(), "Zhou Ba", "7000.00", "TX-" + scenario.agency + "-Q"))).then().statusCode(200);

        String queued = scenario.officer.get("/v1/approvals").then().statusCode(200).body("size()", equalTo(1))
                .body("[0].state", equalTo("PENDING_APPROVAL")).extract().path("[0].id");
        next.actor().get("/v1/inbox").then().body("items.size()", equalTo(0));
        Actor.police(scenario.agency, "a-colleague").get("/v1/approvals").then().statusCode(200).body("size()", equalTo(0));
        Actor.police(scenario.agency, "a-colleague").idempotent().post("/v1/orders/" + queued + "/approval").then().statusCode(403);
        Actor.police(Actor.freshCode("PSB"), "elsewhere").idempotent().post("/v1/orders/" + queued + "/approval").then().statusCode(404);

        scenario.officer.idempotent().post("/v1/orders/" + queued + "/approval").then().statusCode(200).body("state", equalTo("ISSUED"));
        scenario.officer.idempotent().post("/v1/orders/" + queued + "/approval").then().statusCode(409);
        next.actor().get("/v1/inbox").then().body("items.size()", equalTo(1));
    }
}
