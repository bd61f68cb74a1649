package io.fraudshield.cardlimit.override;

import io.agroal.api.AgroalDataSource;
import io.fraudshield.cardlimit.BankClient;
import io.fraudshield.localstack.TestPeople;
import io.fraudshield.localstack.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.fraudshield.cardlimit.BankClient.opening;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Overrides: a supervisor decides, the requester may cancel, they expire by the database's clock, every step audited. */
@QuarkusTest
class OverrideTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    OverrideService overrides;

    @Test
    void aSupervisorOtherThanTheRequesterApprovesAndTheUseIsAuditedOnTheOverridesChain() {
        BankClient teller = BankClient.of("B321");
        BankClient supervisor = BankClient.supervisor("B321");
        String customer = atLimit(teller);
        // a supervisor asking cannot approve it herself
        String own = ask(supervisor, customer);
        supervisor.idempotent().post("/v1/overrides/" + own + "/approval").then().statusCode(403)
                .body("detail", containsString("Self-approval"));
        BankClient.supervisor("B322").idempotent().post("/v1/overrides/" + own + "/approval").then().statusCode(404);

        String id = ask(teller, customer);
        teller.as("b321-second-teller").idempotent().post("/v1/overrides/" + id + "/approval").then().statusCode(403);
        supervisor.idempotent().post("/v1/overrides/" + id + "/approval").then().statusCode(200)
                .body("state", equalTo("APPROVED")).body("approvedBy", equalTo("b321-supervisor"));
        String reservation = teller.reserve(opening(customer, "CLASS_II", "DEBIT_CARD", "COUNTER", null, id))
                .then().statusCode(201).body("reasons", contains("OVERRIDE_APPLIED")).body("overrideId", equalTo(id))
                .extract().path("id");
        teller.request().get("/v1/slot-reservations/" + reservation).then().statusCode(200).body("overrideId", equalTo(id));
        teller.request().get("/v1/overrides/" + id).then().body("state", equalTo("USED"))
                .body("usedBySlot", equalTo(reservation));
        assertEquals(List.of("override.requested", "override.approved", "override.used"), events(id));
        // a supervisor may do what a teller does on the bank's endpoints
        supervisor.check(customer).then().statusCode(200);
    }

    @Test
    void aRejectedOrCancelledOverrideLiftsNothing() {
        BankClient teller = BankClient.of("B323");
        BankClient supervisor = BankClient.supervisor("B323");
        String customer = atLimit(teller);
        String rejected = ask(teller, customer);
        supervisor.idempotent().post("/v1/overrides/" + rejected + "/rejection").then().statusCode(200)
                .body("state", equalTo("REJECTED")).body("endedBy", equalTo("b323-supervisor"));
        supervisor.idempotent().post("/v1/overrides/" + rejected + "/approval").then().statusCode(409);
        teller.reserve(opening(customer, "CLASS_II", "DEBIT_CARD", "COUNTER", null, rejected)).then().statusCode(409);

        String cancelled = ask(teller, customer);
        supervisor.idempotent().post("/v1/overrides/" + cancelled + "/approval").then().statusCode(200);
        teller.as("b323-second-teller").idempotent().post("/v1/overrides/" + cancelled + "/cancellation").then().statusCode(403);
        teller.idempotent().post("/v1/overrides/" + cancelled + "/cancellation").then().statusCode(200)
                .body("state", equalTo("CANCELLED"));
        teller.reserve(opening(customer, "CLASS_II", "DEBIT_CARD", "COUNTER", null, cancelled)).then().statusCode(409);
        teller.idempotent().post("/v1/overrides/" + cancelled + "/cancellation").then().statusCode(409);
        assertEquals(List.of("override.requested", "override.rejected"), events(rejected));
        assertEquals(List.of("override.requested", "override.approved", "override.cancelled"), events(cancelled));
        teller.reserveDebitCard(customer).then().body("decision", equalTo("DENY"));
    }

    @Test
    void anOverridePastItsTimeByTheDatabaseClockCanBeNeitherApprovedNorUsed() throws Exception {
        BankClient teller = BankClient.of("B324");
        BankClient supervisor = BankClient.supervisor("B324");
        String customer = atLimit(teller);
        String approved = ask(teller, customer);
        teller.request().get("/v1/overrides/" + approved).then().body("expiresAt", org.hamcrest.Matchers.notNullValue());
        supervisor.idempotent().post("/v1/overrides/" + approved + "/approval").then().statusCode(200);
        String pending = ask(teller, customer);
        // 24 h pass, as the database sees it (the replica's clock plays no part)
        TestSql.execute(dataSource, "update limit_override set expires_at = clock_timestamp() - interval '1 second'"
                + " where id in ('" + approved + "', '" + pending + "')");
        teller.reserve(opening(customer, "CLASS_II", "DEBIT_CARD", "COUNTER", null, approved)).then().statusCode(409)
                .body("detail", containsString("unexpired"));
        supervisor.idempotent().post("/v1/overrides/" + pending + "/approval").then().statusCode(409)
                .body("detail", containsString("expired"));
        assertTrue(pendingIds(supervisor).stream().noneMatch(pending::equals), "expired overrides are not pending work");
        assertTrue(overrides.expireDue() >= 2);
        teller.request().get("/v1/overrides/" + approved).then().body("state", equalTo("EXPIRED"));
        teller.request().get("/v1/overrides/" + pending).then().body("state", equalTo("EXPIRED"));
        assertEquals(List.of("override.requested", "override.expired"), events(pending));
    }

    @Test
    void supervisorsPageThroughThePendingOverridesOfTheirBankOnly() {
        BankClient teller = BankClient.of("B325");
        List<String> asked = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            asked.add(ask(teller, TestPeople.residentId()));
        }
        String decided = asked.remove(0);
        BankClient.supervisor("B325").idempotent().post("/v1/overrides/" + decided + "/rejection").then().statusCode(200);
        assertEquals(asked, pendingIds(BankClient.supervisor("B325")));
        teller.request().get("/v1/overrides/pending").then().statusCode(403);
        assertTrue(pendingIds(BankClient.supervisor("B326")).stream().noneMatch(asked::contains));
        BankClient.supervisor("B325").request().queryParam("after", "not-a-cursor").get("/v1/overrides/pending")
                .then().statusCode(400);
    }

    private static List<String> pendingIds(BankClient supervisor) {
        List<String> ids = new ArrayList<>();
        String after = null;
        do {
            var request = supervisor.request().queryParam("limit", 2);
            if (after != null) {
                request.queryParam("after", after);
            }
            var page = request.get("/v1/overrides/pending").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            items.forEach(item -> ids.add((String) item.get("id")));
            after = page.getString("next");
        } while (after != null);
        return ids;
    }

    private static String atLimit(BankClient teller) {
        String customer = TestPeople.residentId();
        for (int i = 0; i < 4; i++) {
            teller.openCard(customer);
        }
        return customer;
    }

    private static String ask(BankClient officer, String customer) {
        return officer.idempotent().body("{\"customer\":" + TestPeople.document(customer)
                        + ",\"limitKind\":\"DEBIT_CARDS\",\"reason\":\"payroll card for a new employer, verified in person\"}")
                .post("/v1/overrides").then().statusCode(201).body("state", equalTo("PENDING_APPROVAL"))
                .extract().path("id");
    }

    private List<String> events(String overrideId) {
        long count = TestSql.number(dataSource, "select count(*) from audit_event where object_type = 'limit-override'"
                + " and object_id = ?", overrideId);
        List<String> actions = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            actions.add(TestSql.text(dataSource, "select action from audit_event where object_type = 'limit-override'"
                    + " and object_id = ? order by seq offset " + i + " limit 1", overrideId));
        }
        return actions;
    }
}
