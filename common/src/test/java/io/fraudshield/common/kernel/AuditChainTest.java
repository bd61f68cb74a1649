package io.fraudshield.common.kernel;

import io.agroal.api.AgroalDataSource;
import io.fraudshield.common.audit.AuditEntry;
import io.fraudshield.common.audit.AuditTrail;
import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.caller.Role;
import io.fraudshield.common.identifier.ParticipantCode;
import io.fraudshield.localstack.TestSql;
import io.fraudshield.localstack.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The audit chain detects an edited, a deleted, a re-ordered and a cut-off event, and names where. */
@QuarkusTest
class AuditChainTest {

    private static final String VERIFY = "/v1/audit-chain/verification";
    private static final Caller OFFICER = new Caller("officer-7", Role.BANK, new ParticipantCode("B102"));

    @Inject
    AuditTrail audit;
    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void freshChainOfFive() {
        tamper("alter table audit_event disable trigger audit_event_append_only",
                "delete from audit_event",
                "delete from audit_head",
                "alter table audit_event enable trigger audit_event_append_only");
        // five events of one card: one chain, seq 1..5
        for (int i = 1; i <= 5; i++) {
            int n = i;
            QuarkusTransaction.requiringNew().run(() -> audit.append(OFFICER,
                    new AuditEntry("card.changed", "RULES A1", "card", "card-1", Map.of("version", n - 1),
                            Map.of("version", n))));
        }
    }

    @Test
    void anIntactChainVerifies() {
        verify().body("intact", equalTo(true)).body("verifiedEvents", equalTo(5)).body("firstBrokenLink", nullValue());
    }

    @Test
    void otherObjectsGoToOtherChainsAndAllVerify() {
        for (int i = 2; i <= 40; i++) {
            int n = i;
            QuarkusTransaction.requiringNew().run(() -> audit.append(OFFICER,
                    new AuditEntry("card.closed", "RULES A1", "card", "card-" + n, null, Map.of("state", "CLOSED"))));
        }
        verify().body("intact", equalTo(true)).body("verifiedEvents", equalTo(44));
        tamperBypassingTrigger("delete from audit_event where object_id = 'card-1'");
        verify().body("intact", equalTo(false)).body("firstBrokenLink.seq", equalTo(1))
                .body("firstBrokenLink.reason", containsString("missing"));
    }

    @Test
    void anEditedEventIsNamed() {
        tamperBypassingTrigger("update audit_event set actor = 'someone-else' where seq = 3");
        verify().body("intact", equalTo(false)).body("firstBrokenLink.seq", equalTo(3))
                .body("firstBrokenLink.reason", containsString("altered"));
    }

    @Test
    void aDeletedEventIsNamed() {
        tamperBypassingTrigger("delete from audit_event where seq = 2");
        verify().body("intact", equalTo(false)).body("firstBrokenLink.seq", equalTo(2))
                .body("verifiedEvents", equalTo(1));
    }

    @Test
    void reorderedEventsAreNamed() {
        tamperBypassingTrigger("update audit_event set seq = -1 where seq = 3",
                "update audit_event set seq = 3 where seq = 4",
                "update audit_event set seq = 4 where seq = -1");
        verify().body("intact", equalTo(false)).body("firstBrokenLink.seq", equalTo(3));
    }

    @Test
    void aCutOffTailIsNamed() {
        tamperBypassingTrigger("delete from audit_event where seq = 5");
        verify().body("intact", equalTo(false)).body("firstBrokenLink.seq", equalTo(5));
    }

    @Test
    void theTableRefusesUpdatesAndDeletes() {
        assertThrows(SQLException.class, () -> TestSql.execute(dataSource, "update audit_event set actor = 'x' where seq = 1"));
        assertThrows(SQLException.class, () -> TestSql.execute(dataSource, "delete from audit_event where seq = 1"));
        verify().body("intact", equalTo(true));
    }

    @Test
    void onlyAuditorsRegulatorsAndAdminsMayVerify() {
        given().header("Authorization", TestTokens.bearer("bank", "B102")).get(VERIFY).then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("regulator", "PBOC")).get(VERIFY).then().statusCode(200);
    }

    private io.restassured.response.ValidatableResponse verify() {
        return given().header("Authorization", TestTokens.bearer("auditor", "AUD01")).get(VERIFY)
                .then().statusCode(200);
    }

    /** What a database administrator with table-owner rights could do: switch the guard off, then edit. */
    private void tamperBypassingTrigger(String... statements) {
        String[] all = new String[statements.length + 2];
        all[0] = "alter table audit_event disable trigger audit_event_append_only";
        System.arraycopy(statements, 0, all, 1, statements.length);
        all[all.length - 1] = "alter table audit_event enable trigger audit_event_append_only";
        tamper(all);
    }

    private void tamper(String... statements) {
        try {
            TestSql.execute(dataSource, statements);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
