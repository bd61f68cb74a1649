package io.fraudshield.stoppayment;

import io.agroal.api.AgroalDataSource;
import io.fraudshield.common.outbox.OutboxRelay;
import io.fraudshield.localstack.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After a stop, its delivery, a partial execution with an onward transfer and the follow-up it caused, no table
 * holds an account number, a holder name or a webhook secret in the clear: they live sealed until the bank has
 * answered, and as keyed references and masked forms after.
 */
@QuarkusTest
class PersonalDataTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    OutboxRelay relay;

    @Test
    void noTableHoldsAnAccountNumberAHolderNameOrASecretInTheClear() throws Exception {
        Scenario scenario = new Scenario();
        Scenario.Bank first = scenario.bank();
        Scenario.Bank next = scenario.bank();
        String account = first.account();
        String onward = next.account();
        String holder = "Qian Shiyi Uniquename";
        String mule = "Feng Shier Uniquemule";
        String stop = scenario.officer.post("/v1/orders", Bodies.stop(scenario.caseNumber, first.code(), account, holder, "900.00"))
                .then().statusCode(201).extract().path("id");
        Await.until("the webhook", () -> first.receiver().receivedAbout(stop).size() == 1);
        first.actor().post("/v1/orders/" + stop + "/feedback", Bodies.partly("100.00",
                Bodies.transfer(next.code(), onward, mule, "800.00", "TX-" + scenario.agency))).then().statusCode(200);
        String queued = scenario.officer.get("/v1/approvals").then().extract().path("[0].id");
        scenario.officer.idempotent().post("/v1/orders/" + queued + "/approval").then().statusCode(200);
        Await.until("the follow-up's webhook", () -> next.receiver().receivedAbout(queued).size() == 1);
        relay.relayDue();

        List<String> secrets = List.of(account, onward, holder, holder.toUpperCase(), mule, mule.toUpperCase(),
                Scenario.SECRET_1, Scenario.SECRET_2);
        List<String> tables = tables();
        assertTrue(TestSql.number(dataSource, "select count(*) from outbox") > 0, "the outbox was used");
        for (String table : tables) {
            for (String secret : secrets) {
                assertEquals(0, TestSql.number(dataSource, "select count(*) from " + table + " t where t::text like ?",
                        "%" + secret + "%"), () -> table + " holds personal data or a secret in the clear");
            }
        }
        assertEquals(1, TestSql.number(dataSource, "select count(*) from stop_order where sealed_details is not null"
                + " and id = ?::uuid", queued), "the unanswered follow-up keeps its clear values, sealed");
    }

    @Test
    void accountDetailsCopiedIntoAnotherOrderByTheDatabaseOwnerDoNotOpenThere() throws Exception {
        Scenario scenario = new Scenario();
        Scenario.Bank bank = scenario.bank(null, false);
        String accountA = bank.account();
        String a = scenario.officer.post("/v1/orders", Bodies.stop(scenario.caseNumber, bank.code(), accountA, "Holder A", "10.00"))
                .then().statusCode(201).extract().path("id");
        String b = scenario.officer.post("/v1/orders", Bodies.stop(scenario.caseNumber, bank.code(), bank.account(), "Holder B", "10.00"))
                .then().statusCode(201).extract().path("id");
        TestSql.execute(dataSource, "update stop_order set sealed_details = (select sealed_details from stop_order where id = '"
                + a + "') where id = '" + b + "'");

        var inbox = bank.actor().get("/v1/inbox").then().statusCode(200).extract().jsonPath();
        assertEquals(accountA, inbox.getString("items.find { it.document.order.id == '" + a + "' }.document.accountNumber"));
        assertEquals(null, inbox.getString("items.find { it.document.order.id == '" + b + "' }.document.accountNumber"),
                "order B shows no clear values rather than order A's");
    }

    private List<String> tables() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.getMetaData().getTables(null, "public", "%", new String[]{"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME"));
            }
        }
        assertTrue(tables.containsAll(List.of("stop_order", "outbox", "idempotency_record", "audit_event", "signing_secret",
                "onward_transfer", "delivery_attempt")));
        return tables;
    }
}
