package io.fraudshield.stoppayment.delivery;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.agroal.api.AgroalDataSource;
import io.fraudshield.common.outbox.OutboxRelay;
import io.fraudshield.localstack.TestSql;
import io.fraudshield.stoppayment.Actor;
import io.fraudshield.stoppayment.Await;
import io.fraudshield.stoppayment.Bodies;
import io.fraudshield.stoppayment.Scenario;
import io.fraudshield.stoppayment.WebhookReceiver;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class WebhookDeliveryTest {

    @Inject
    OutboxRelay relay;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aReceiverThatIsDownGetsEveryEventOnceItIsUpAndEveryAttemptIsOnRecord() throws Exception {
        Scenario scenario = new Scenario();
        WebhookReceiver receiver = WebhookReceiver.started();
        Scenario.Bank bank = scenario.bank(receiver, true);
        receiver.stop();

        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            orders.add(scenario.officer.post("/v1/orders", Bodies.stop(scenario.otherCase(), bank.code(), bank.account(),
                    "Chen Jing", "800.00")).then().statusCode(201).extract().path("id"));
        }
        for (String order : orders) {
            Await.until("a failed attempt for " + order, () -> !scenario.officer.get("/v1/orders/" + order + "/delivery-attempts")
                    .then().extract().jsonPath().getList("outcome").isEmpty());
            scenario.officer.get("/v1/orders/" + order + "/delivery-attempts").then()
                    .body("[0].outcome", equalTo("RETRY")).body("[0].statusCode", equalTo(null));
        }

        receiver.start();
        dueNow();
        relay.relayDue();
        for (String order : orders) {
            assertEquals(1, receiver.receivedAbout(order).size(), "delivered once after the receiver came back");
            scenario.officer.get("/v1/orders/" + order + "/delivery-attempts").then()
                    .body("outcome", hasItem("RETRY")).body("outcome", hasItem("DELIVERED"));
        }

        // a relay that crashed after sending sends again: the same event id and the same bytes, so the bank drops it
        String again = orders.get(0);
        TestSql.execute(dataSource, "update outbox set status = 'PENDING', delivered_at = null, next_attempt_at = now()"
                + " where aggregate = 'order/" + again + "'");
        relay.relayDue();
        List<LoggedRequest> twice = receiver.receivedAbout(again);
        assertEquals(2, twice.size());
        assertEquals(twice.get(0).getHeader("Webhook-Id"), twice.get(1).getHeader("Webhook-Id"));
        assertEquals(twice.get(0).getBodyAsString(), twice.get(1).getBodyAsString());
        bank.actor().get("/v1/orders/" + again).then().statusCode(200).body("state", equalTo("ISSUED"));
    }

    @Test
    void aRotatedSecretSignsFromTheNextEventOnAndTheRetiredOneNoLonger() {
        Scenario scenario = new Scenario();
        Scenario.Bank bank = scenario.bank();
        String third = "whsec-third-secret-after-rotation-00000003";
        Actor.admin().post("/v1/participants/" + bank.code() + "/signing-secrets", Bodies.secret(third)).then().statusCode(200)
                .body("activeSigningSecrets.size()", equalTo(2));

        String order = scenario.officer.post("/v1/orders", Bodies.stop(scenario.caseNumber, bank.code(), bank.account(),
                "Chen Jing", "800.00")).then().statusCode(201).extract().path("id");
        Await.until("the webhook", () -> bank.receiver().receivedAbout(order).size() == 1);
        LoggedRequest webhook = bank.receiver().receivedAbout(order).get(0);
        assertEquals(2, WebhookReceiver.signatureCount(webhook));
        assertTrue(WebhookReceiver.signedWith(webhook, Scenario.SECRET_2));
        assertTrue(WebhookReceiver.signedWith(webhook, third));
        assertFalse(WebhookReceiver.signedWith(webhook, Scenario.SECRET_1), "the oldest secret was retired");
    }

    @Test
    void theInboxPagesWithACursorAndShowsOnlyTheCallersOrders() {
        Scenario scenario = new Scenario();
        Scenario.Bank bank = scenario.bank(null, false);
        Scenario.Bank other = scenario.bank(null, false);
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            orders.add(scenario.officer.post("/v1/orders", Bodies.stop(scenario.otherCase(), bank.code(), bank.account(),
                    "Chen Jing", "800.00")).then().statusCode(201).extract().path("id"));
        }
        scenario.officer.post("/v1/orders", Bodies.stop(scenario.otherCase(), other.code(), other.account(), "Chen Jing", "800.00"))
                .then().statusCode(201);

        List<String> seen = new ArrayList<>();
        String cursor = "";
        boolean more = true;
        while (more) {
            var page = bank.actor().request().queryParam("after", cursor).queryParam("limit", 2).get("/v1/inbox")
                    .then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.document.order.id"));
            cursor = page.getString("nextCursor");
            more = page.getBoolean("hasMore");
        }
        assertEquals(orders, seen, "every order once, oldest first, none of another bank's");
        bank.actor().request().queryParam("after", cursor).get("/v1/inbox").then().statusCode(200)
                .body("items.size()", equalTo(0)).body("nextCursor", equalTo(cursor));
        bank.actor().request().queryParam("after", "not-a-cursor").get("/v1/inbox").then().statusCode(400);
        scenario.officer.get("/v1/inbox").then().statusCode(403);
    }

    @Test
    void webhookTargetsComeOnlyFromTheRegistryAndMustBeHttpsOutsideTests() {
        Actor.admin().idempotent().body(Bodies.participant("BANK", "ftp://bank.example/hooks"))
                .put("/v1/participants/" + Actor.freshCode("B")).then().statusCode(400);
        Actor.admin().idempotent().body(Bodies.participant("BANK", "https://user:pw@bank.example/hooks"))
                .put("/v1/participants/" + Actor.freshCode("B")).then().statusCode(400);
        Actor.bank("B102").idempotent().body(Bodies.participant("BANK", "https://bank.example/hooks"))
                .put("/v1/participants/B102").then().statusCode(403);
        Actor.admin().post("/v1/participants/" + Actor.freshCode("B") + "/signing-secrets", Bodies.secret(Scenario.SECRET_1))
                .then().statusCode(404);
        Actor.admin().post("/v1/participants/B102/signing-secrets", Bodies.secret("short")).then().statusCode(400);
        // the order body has no place for a URL: an unknown field is refused
        new Scenario().officer.post("/v1/orders", Bodies.stop("GA-X-1", "B102", "6217000010012345671", "Chen Jing", "1.00")
                .replaceFirst("\\{", "{\"webhookUrl\":\"https://evil.example\",")).then().statusCode(400)
                .body("type", equalTo("https://fraudshield.io/problems/unknown-field"));
    }

    private void dueNow() throws Exception {
        TestSql.execute(dataSource, "update outbox set next_attempt_at = now() where status = 'PENDING'");
    }
}
