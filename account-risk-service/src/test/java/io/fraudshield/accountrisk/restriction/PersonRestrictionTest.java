package io.fraudshield.accountrisk.restriction;

import io.fraudshield.accountrisk.ParticipantClient;
import io.fraudshield.common.identifier.PersonDocument;
import io.fraudshield.common.pseudonym.Pseudonymizer;
import io.fraudshield.localstack.TestPeople;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.empty;

@QuarkusTest
class PersonRestrictionTest {

    static final ParticipantClient CITY_POLICE = ParticipantClient.police("GA3301");
    static final ParticipantClient PROVINCE_POLICE = ParticipantClient.police("GA33");
    static final ParticipantClient COUNTY_POLICE = ParticipantClient.police("GA330102");
    static final ParticipantClient BANK = ParticipantClient.bank("B102");
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Inject
    Pseudonymizer pseudonymizer;

    @Test
    void anUnknownPersonIsNotRestrictedRatherThanNotFound() {
        String ref = ref(TestPeople.residentId());
        BANK.request().get("/v1/person-restrictions/" + ref).then().statusCode(200)
                .body("customerRef", equalTo(ref)).body("restricted", equalTo(false)).body("measures", empty());
        BANK.request().get("/v1/person-restrictions/not-a-ref").then().statusCode(400);
    }

    @Test
    void aCertifiedPersonMayOpenNothingForTwoYearsWithTheExemptionsNamed() {
        String person = TestPeople.residentId();
        String id = CITY_POLICE.idempotent().body(listing(person, "CERTIFIED", TODAY.minusDays(1), null, 4))
                .post("/v1/restriction-listings").then().statusCode(201)
                .body("profile", equalTo("LAW2024")).body("belowThreshold", equalTo(false))
                .body("measures[0].until", equalTo(TODAY.minusDays(1).plusYears(2).toString()))
                .body("notice.appealRights", org.hamcrest.Matchers.containsString("appeal"))
                .extract().path("id");
        BANK.request().get("/v1/person-restrictions/" + ref(person)).then().statusCode(200)
                .body("restricted", equalTo(true))
                .body("measures", contains("NO_NEW_ACCOUNTS", "NON_COUNTER_SUSPENDED"))
                .body("exemptDebits", contains("TAX", "SOCIAL_SECURITY", "UTILITY", "OWN_ACCOUNT_BALANCE_MOVE"));
        CITY_POLICE.request().get("/v1/restriction-listings/" + id).then().statusCode(200).body("caseRef", equalTo("GA-1"));
        PROVINCE_POLICE.request().get("/v1/restriction-listings/" + id).then().statusCode(404);
    }

    @Test
    void aListingWhoseTermHasPassedIsLiftedWithoutAnyJob() {
        String person = TestPeople.residentId();
        CITY_POLICE.idempotent().body(listing(person, "CERTIFIED", TODAY.minusYears(2), null, 3))
                .post("/v1/restriction-listings").then().statusCode(201);
        BANK.request().get("/v1/person-restrictions/" + ref(person)).then().statusCode(200).body("restricted", equalTo(false));

        String convicted = TestPeople.residentId();
        CITY_POLICE.idempotent().body(listing(convicted, "CONVICTED", TODAY.minusYears(2), null, null))
                .post("/v1/restriction-listings").then().statusCode(201);
        BANK.request().get("/v1/person-restrictions/" + ref(convicted)).then().body("restricted", equalTo(true));
    }

    @Test
    void aRelistingRestartsTheClockWithinFiveYears() {
        String person = TestPeople.residentId();
        CITY_POLICE.idempotent().body(listing(person, "CONVICTED", TODAY.minusYears(2).minusMonths(6), null, null))
                .post("/v1/restriction-listings").then().statusCode(201);
        CITY_POLICE.idempotent().body(listing(person, "CONVICTED", TODAY.minusDays(1), null, null))
                .post("/v1/restriction-listings").then().statusCode(201)
                .body("episodeStart", equalTo(TODAY.minusYears(2).minusMonths(6).toString()))
                .body("measures[1].until", equalTo(TODAY.minusYears(2).minusMonths(6).plusYears(5).toString()));
    }

    @Test
    void onlyCityLevelPoliceCertifyAndOnlyProvincialPoliceListBelowTheThresholds() {
        String person = TestPeople.residentId();
        COUNTY_POLICE.idempotent().body(listing(person, "CERTIFIED", TODAY, null, 5)).post("/v1/restriction-listings")
                .then().statusCode(403);
        CITY_POLICE.idempotent().body(listing(person, "PROVINCIAL_LISTING", TODAY, null, 1)).post("/v1/restriction-listings")
                .then().statusCode(403);
        BANK.idempotent().body(listing(person, "CERTIFIED", TODAY, null, 5)).post("/v1/restriction-listings")
                .then().statusCode(403);
        BANK.request().get("/v1/person-restrictions/" + ref(person)).then().body("restricted", equalTo(false));
        PROVINCE_POLICE.idempotent().body(listing(person, "PROVINCIAL_LISTING", TODAY, null, 1)).post("/v1/restriction-listings")
                .then().statusCode(201);
        CITY_POLICE.idempotent().body(listing(TestPeople.residentId(), "CERTIFIED", TODAY, null, 2))
                .post("/v1/restriction-listings").then().statusCode(201).body("belowThreshold", equalTo(true));
    }

    @Test
    void theFeedCarriesEachMeasureAndWhenItEndsSoAMirrorDecidesWithoutAsking() {
        long before = ParticipantClient.service("CARDLIMIT").request().get("/v1/marker-events?after=0&limit=1").then().statusCode(200)
                .extract().<Number>path("head").longValue();
        String person = TestPeople.residentId();
        CITY_POLICE.idempotent().body(listing(person, "CERTIFIED", TODAY.minusDays(1), null, 4))
                .post("/v1/restriction-listings").then().statusCode(201);
        String ends = TODAY.minusDays(1).plusYears(2).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant().toString();
        io.restassured.path.json.JsonPath page = ParticipantClient.service("CARDLIMIT").request().get("/v1/marker-events?after=" + before + "&limit=1000")
                .then().statusCode(200).extract().jsonPath();
        String entry = "events.find { it.subjectRef == '" + ref(person) + "' }";
        org.junit.jupiter.api.Assertions.assertEquals("RESTRICTED", page.getString(entry + ".change"));
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("NO_NEW_ACCOUNTS", "NON_COUNTER_SUSPENDED"),
                page.getList(entry + ".measures.measure"));
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(ends, ends), page.getList(entry + ".measures.validUntil"));
        org.junit.jupiter.api.Assertions.assertTrue(page.getLong("head") >= page.getLong("next"), "head is never behind next");
    }

    private String ref(String residentId) {
        return pseudonymizer.customerRef(PersonDocument.of(io.fraudshield.common.identifier.DocumentType.RESIDENT_ID, residentId));
    }

    static String listing(String residentId, String ground, LocalDate decidedOn, LocalDate releasedOn, Integer count) {
        return "{\"person\":" + TestPeople.document(residentId) + ",\"ground\":\"" + ground + "\",\"decidedOn\":\""
                + decidedOn + "\"" + (releasedOn == null ? "" : ",\"releasedOn\":\"" + releasedOn + "\"")
                + ",\"reasonCode\":\"SOLD_ACCOUNTS\",\"caseRef\":\"GA-1\""
                + (count == null ? "" : ",\"statedCount\":" + count)
                + ",\"noticeBasis\":\"Anti-Telecom Fraud Law art. 31; Joint Punishment Measures 2024 art. 3\"}";
    }
}
