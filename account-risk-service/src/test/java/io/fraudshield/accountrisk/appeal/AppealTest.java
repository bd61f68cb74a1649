package io.fraudshield.accountrisk.appeal;

import io.agroal.api.AgroalDataSource;
import io.fraudshield.accountrisk.ParticipantClient;
import io.fraudshield.common.identifier.DocumentType;
import io.fraudshield.common.identifier.PersonDocument;
import io.fraudshield.common.pseudonym.Pseudonymizer;
import io.fraudshield.localstack.TestPeople;
import io.fraudshield.localstack.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class AppealTest {

    static final ParticipantClient CITY_POLICE = ParticipantClient.police("GA3301");
    static final ParticipantClient OTHER_POLICE = ParticipantClient.police("GA3302");
    static final ParticipantClient BANK = ParticipantClient.bank("B102");

    @Inject
    Pseudonymizer pseudonymizer;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void anUpheldAppealLiftsTheRestrictionAtOnceAndEveryStepIsAudited() {
        String person = listed();
        String appeal = file(person).then().statusCode(201).body("state", equalTo("FILED")).body("overdue", equalTo(false))
                .extract().path("id");
        restricted(person, true);

        OTHER_POLICE.idempotent().body(decision("UPHELD")).post("/v1/appeals/" + appeal + "/decision").then().statusCode(404);
        BANK.idempotent().body(decision("UPHELD")).post("/v1/appeals/" + appeal + "/decision").then().statusCode(403);
        CITY_POLICE.idempotent().body(decision("UPHELD")).post("/v1/appeals/" + appeal + "/decision").then().statusCode(200)
                .body("state", equalTo("UPHELD"));
        restricted(person, false);
        CITY_POLICE.idempotent().body(decision("REJECTED")).post("/v1/appeals/" + appeal + "/decision").then().statusCode(409);
        BANK.request().get("/v1/appeals/" + appeal).then().statusCode(200).body("state", equalTo("UPHELD"));
        ParticipantClient.bank("B205").request().get("/v1/appeals/" + appeal).then().statusCode(404);

        assertEquals(1, TestSql.number(dataSource, "select count(*) from audit_event where object_id = ? and action = 'appeal.filed'", appeal));
        assertEquals(1, TestSql.number(dataSource, "select count(*) from audit_event where object_id = ? and action = 'appeal.upheld'", appeal));
        assertEquals(1, TestSql.number(dataSource, "select count(*) from audit_event e join appeal a on e.object_id = a.restriction_id::text"
                + " where a.id = ?::uuid and e.action = 'restriction.lifted'", appeal));
    }

    @Test
    void aRejectedAppealKeepsTheRestrictionAndARegulatorMayDecide() {
        String person = listed();
        String appeal = file(person).then().statusCode(201).extract().path("id");
        ParticipantClient.regulator("PBOC").idempotent().body(decision("REJECTED")).post("/v1/appeals/" + appeal + "/decision")
                .then().statusCode(200).body("state", equalTo("REJECTED"));
        restricted(person, true);
    }

    @Test
    void thereIsNothingToAppealForAPersonWhoIsNotRestricted() {
        file(TestPeople.residentId()).then().statusCode(409);
    }

    private String listed() {
        String person = TestPeople.residentId();
        CITY_POLICE.idempotent().body("{\"person\":" + TestPeople.document(person) + ",\"ground\":\"CERTIFIED\",\"decidedOn\":\""
                        + LocalDate.now() + "\",\"reasonCode\":\"SOLD_ACCOUNTS\",\"caseRef\":\"GA-3\",\"statedCount\":3,"
                        + "\"noticeBasis\":\"Joint Punishment Measures 2024 art. 3\"}")
                .post("/v1/restriction-listings").then().statusCode(201);
        return person;
    }

    private io.restassured.response.Response file(String person) {
        return BANK.idempotent().body("{\"customer\":" + TestPeople.document(person)
                + ",\"grounds\":\"My card was stolen; I never sold it. Police report attached.\"}").post("/v1/appeals");
    }

    private void restricted(String person, boolean expected) {
        String ref = pseudonymizer.customerRef(PersonDocument.of(DocumentType.RESIDENT_ID, person));
        BANK.request().get("/v1/person-restrictions/" + ref).then().statusCode(200).body("restricted", equalTo(expected));
    }

    static String decision(String outcome) {
        return "{\"outcome\":\"" + outcome + "\",\"reason\":\"Reviewed the bank's evidence and the case file.\"}";
    }
}
