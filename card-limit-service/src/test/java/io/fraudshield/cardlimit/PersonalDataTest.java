package io.fraudshield.cardlimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.fraudshield.cardlimit.card.ConfirmationRequest;
import io.fraudshield.cardlimit.reservation.OpeningRequest;
import io.fraudshield.common.digest.CanonicalDigest;
import io.fraudshield.localstack.TestPeople;
import io.fraudshield.localstack.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After a whole card lifecycle (check, agent-opened reservation, confirmation, activation at the counter,
 * closure, stock upload), no table holds a clear ID or card number, nor the plain SHA-256 of a request that
 * carried one (which anyone could reverse by trying every number).
 */
@QuarkusTest
class PersonalDataTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    CanonicalDigest canonical;
    @Inject
    ObjectMapper json;

    @Test
    void noTableHoldsAClearNumberOrAnUnkeyedDigestOfOne() throws Exception {
        BankClient bank = BankClient.of("B102");
        String customer = TestPeople.residentIdEndingInX();
        String agent = TestPeople.residentId();
        String card = TestPeople.cardNumber();
        String stockCard = TestPeople.cardNumber();

        bank.check(customer).then().statusCode(200);
        String reservation = BankClient.opening(customer, "CLASS_II", "DEBIT_CARD", "COUNTER", agent, null);
        String id = bank.reserve(reservation).then().statusCode(201).extract().path("id");
        String confirmation = "{\"cardNumber\":\"" + card + "\"}";
        bank.idempotent().body(confirmation).post("/v1/slot-reservations/" + id + "/confirmation").then().statusCode(200);
        String activation = "{\"agent\":" + TestPeople.document(agent) + ",\"channel\":\"COUNTER\"}";
        bank.idempotent().body(activation).post("/v1/cards/" + id + "/activation").then().statusCode(200);
        bank.close(id).then().statusCode(200);
        String line = "{\"customer\":" + TestPeople.document(customer) + ",\"accountClass\":\"CLASS_II\",\"card\":\"DEBIT_CARD\",\"cardNumber\":\""
                + stockCard + "\",\"state\":\"ACTIVE\"}\n";
        bank.idempotent().contentType("application/x-ndjson").body(line.getBytes(StandardCharsets.UTF_8))
                .post("/v1/stock-uploads").then().statusCode(201);

        List<String> secrets = new ArrayList<>(List.of(customer, customer.toLowerCase(), agent, card, stockCard,
                canonical.of(json.readValue(reservation, OpeningRequest.class)),
                canonical.of(json.readValue(confirmation, ConfirmationRequest.class))));
        assertTrue(TestSql.number(dataSource, "select count(*) from idempotency_record") > 0, "the lifecycle was recorded");
        for (String table : tables()) {
            for (String secret : secrets) {
                assertEquals(0, TestSql.number(dataSource, "select count(*) from " + table + " t where t::text like ?",
                        "%" + secret + "%"), () -> table + " holds personal data in the clear or an unkeyed digest of it");
            }
        }
    }

    private List<String> tables() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.getMetaData().getTables(null, "public", "%", new String[]{"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME"));
            }
        }
        assertTrue(tables.contains("card_slot") && tables.contains("idempotency_record") && tables.contains("audit_event"));
        return tables;
    }
}
