package io.fraudshield.cardlimit.restriction;

import io.fraudshield.cardlimit.BankClient;
import io.fraudshield.cardlimit.FeedStub;
import io.fraudshield.cardlimit.RiskStub;
import io.fraudshield.common.identifier.DocumentType;
import io.fraudshield.common.identifier.PersonDocument;
import io.fraudshield.common.pseudonym.PseudonymConfig;
import io.fraudshield.common.pseudonym.Pseudonymizer;
import io.fraudshield.localstack.TestPeople;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Openings decided from the local mirror of account-risk-service's restrictions, fed by a stubbed change feed the
 * test writes to. The stubbed person-restrictions endpoint answers "not restricted" unless a test says otherwise,
 * so a DENY without a look-up can only have come from the mirror.
 */
@QuarkusTest
@TestProfile(RestrictionMirrorTest.FedMirror.class)
class RestrictionMirrorTest {

    /** The mirror polls every 100 ms, 5 entries a page (so paging is exercised), freshness the default 2 s. */
    public static class FedMirror implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cardlimit.restriction-mirror.enabled", "true",
                    "cardlimit.restriction-mirror.poll-every", "PT0.1S",
                    "cardlimit.restriction-mirror.page-size", "5");
        }
    }

    private static final Instant IN_TWO_YEARS = Instant.now().plus(Duration.ofDays(730));

    private final BankClient bank = BankClient.of("B102");

    @Inject
    RestrictionMirror mirror;

    @Inject
    Pseudonymizer pseudonymizer;

    @ConfigProperty(name = "fraudshield.pseudonym.keys.old1")
    String oldKey;

    @Test
    void aRestrictionOnTheFeedRefusesTheNextOpeningWithoutAskingAccountRisk() {
        String customer = TestPeople.residentId();
        String ref = ref(customer);
        String clean = TestPeople.residentId();
        FeedStub.restricted(ref, IN_TWO_YEARS, IN_TWO_YEARS);
        FeedStub.accountMarker();
        awaitCaughtUp();

        bank.check(customer).then().statusCode(200)
                .body("decision", equalTo("DENY")).body("reasons", contains("PERSON_RESTRICTED"));
        bank.reserve(customer, "CLASS_III", null).then().statusCode(200).body("decision", equalTo("DENY"));
        bank.check(clean).then().statusCode(200).body("decision", equalTo("ALLOW"));
        assertEquals(0, RiskStub.lookups(ref).size(), "the restricted person was judged from the mirror");
        assertEquals(0, RiskStub.lookups(ref(clean)).size(), "so was the clean one");
        given().get("/q/metrics").then()
                .body(containsString("fraudshield_restriction_lookups_total{answered_by=\"mirror\""))
                .body(containsString("fraudshield_restriction_mirror_behind"))
                .body(containsString("fraudshield_restriction_mirror_seconds_since_sync"));
    }

    @Test
    void aLiftedOrEndedRestrictionClearsAndOnlyNoNewAccountsRefusesAnOpening() throws InterruptedException {
        String lifted = TestPeople.residentId();
        UUID listing = FeedStub.restricted(ref(lifted), IN_TWO_YEARS, IN_TWO_YEARS);
        FeedStub.lifted(ref(lifted), listing);

        String relisted = TestPeople.residentId();
        UUID first = FeedStub.restricted(ref(relisted), IN_TWO_YEARS, IN_TWO_YEARS);
        FeedStub.restricted(ref(relisted), IN_TWO_YEARS.plusSeconds(86_400), IN_TWO_YEARS);
        FeedStub.lifted(ref(relisted), first);

        String nonCounterOnly = TestPeople.residentId();
        FeedStub.restricted(ref(nonCounterOnly), Instant.now().minusSeconds(60), IN_TWO_YEARS);

        String endingSoon = TestPeople.residentId();
        Instant ends = Instant.now().plusSeconds(6);
        FeedStub.restricted(ref(endingSoon), ends, IN_TWO_YEARS);
        awaitCaughtUp();

        bank.check(lifted).then().body("decision", equalTo("ALLOW"));
        bank.check(relisted).then().body("decision", equalTo("DENY"));
        bank.check(nonCounterOnly).then().body("decision", equalTo("ALLOW"));
        bank.check(endingSoon).then().body("decision", equalTo("DENY"));
        await(() -> Instant.now().isAfter(ends), "the restriction's end");
        awaitCaughtUp();
        bank.check(endingSoon).then().body("decision", equalTo("ALLOW"));
        for (String person : List.of(lifted, relisted, nonCounterOnly, endingSoon)) {
            assertEquals(0, RiskStub.lookups(ref(person)).size());
        }
    }

    @Test
    void aMirrorWhoseFeedStopsAnsweringAsksAccountRiskOnceStaleAndNeverAllowsOnStaleData() {
        String restricted = TestPeople.residentId();
        FeedStub.restricted(ref(restricted), IN_TWO_YEARS, IN_TWO_YEARS);
        String restrictedSinceTheFeedStopped = TestPeople.residentId();
        awaitCaughtUp();
        bank.check(restricted).then().body("decision", equalTo("DENY"));
        assertEquals(0, RiskStub.lookups(ref(restricted)).size());

        FeedStub.unavailable();
        try {
            RiskStub.unreachableFor(ref(restricted));
            RiskStub.restricted(ref(restrictedSinceTheFeedStopped));
            await(() -> !mirror.fresh(), "the mirror to go stale");
            bank.check(restricted).then().body("decision", equalTo("REVIEW"))
                    .body("reasons", contains("RISK_SERVICE_UNAVAILABLE"));
            bank.check(restrictedSinceTheFeedStopped).then().body("decision", equalTo("DENY"));
            assertTrue(RiskStub.lookups(ref(restricted)).size() >= 1, "stale: account-risk-service was asked");
            assertTrue(RiskStub.lookups(ref(restrictedSinceTheFeedStopped)).size() >= 1);
        } finally {
            FeedStub.restore();
        }
        awaitCaughtUp();
        int asked = RiskStub.lookups(ref(restricted)).size();
        bank.check(restricted).then().body("decision", equalTo("DENY"));
        assertEquals(asked, RiskStub.lookups(ref(restricted)).size(), "fresh again: answered from the mirror");
    }

    @Test
    void aFeedAnsweringGarbageLeavesTheMirrorAsItWasAndOneThatLostItsTailIsFollowedAfresh() throws InterruptedException {
        String restricted = TestPeople.residentId();
        UUID listing = FeedStub.restricted(ref(restricted), IN_TWO_YEARS, IN_TWO_YEARS);
        awaitCaughtUp();
        long seq = mirror.seq();
        String own = FeedStub.entry(seq);
        String stranger = TestPeople.residentId();
        List<String> garbage = new ArrayList<>(List.of(
                "not json",
                "{\"events\":null,\"next\":" + seq + "}",
                // a gap: the next entry skipped
                "{\"events\":[" + own + "," + FeedStub.restriction(seq + 2, UUID.randomUUID(), ref(stranger), "RESTRICTED")
                        + "],\"next\":" + (seq + 2) + ",\"head\":" + (seq + 2) + "}",
                // backwards: an entry numbered before the one already applied, lifting the restriction
                "{\"events\":[" + own + "," + FeedStub.restriction(seq - 1, listing, ref(restricted), "LIFTED")
                        + "],\"next\":" + (seq - 1) + ",\"head\":" + seq + "}",
                // next pointing elsewhere than the entries
                "{\"events\":[" + own + "," + FeedStub.restriction(seq + 1, listing, ref(restricted), "LIFTED")
                        + "],\"next\":" + (seq + 7) + ",\"head\":" + (seq + 7) + "}",
                // a restriction without a person
                "{\"events\":[" + own + "," + FeedStub.restriction(seq + 1, listing, "", "LIFTED")
                        + "],\"next\":" + (seq + 1) + ",\"head\":" + (seq + 1) + "}"));
        try {
            for (String body : garbage) {
                FeedStub.answering(body);
                Thread.sleep(350);
                assertEquals(seq, mirror.seq(), "nothing applied from " + body);
            }
        } finally {
            FeedStub.restore();
        }
        awaitCaughtUp();
        bank.check(restricted).then().body("decision", equalTo("DENY"));
        bank.check(stranger).then().body("decision", equalTo("ALLOW"));
        assertEquals(0, RiskStub.lookups(ref(restricted)).size());
        assertEquals(0, RiskStub.lookups(ref(stranger)).size());

        // the feed loses its last entry (account-risk's database restored): the mirror rebuilds from seq 0
        FeedStub.truncateTo(seq - 1);
        await(() -> mirror.seq() == seq - 1 && mirror.fresh(), "the rebuilt mirror to catch up");
        bank.check(restricted).then().body("decision", equalTo("ALLOW"));
        FeedStub.restricted(ref(restricted), IN_TWO_YEARS, IN_TWO_YEARS);
        awaitCaughtUp();
        bank.check(restricted).then().body("decision", equalTo("DENY"));
        assertEquals(0, RiskStub.lookups(ref(restricted)).size());
        given().get("/q/metrics").then()
                .body(containsString("fraudshield_restriction_mirror_rebuilds_total"))
                .body(containsString("reason=\"malformed\""));
    }

    @Test
    void manyPagesAreFollowedToTheHeadAndAListingWithoutMeasuresIsAskedAbout() {
        List<String> persons = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String person = TestPeople.residentId();
            persons.add(person);
            FeedStub.restricted(ref(person), IN_TWO_YEARS, IN_TWO_YEARS);
        }
        String withoutMeasures = TestPeople.residentId();
        FeedStub.restrictedWithoutMeasures(ref(withoutMeasures));
        RiskStub.restricted(ref(withoutMeasures));
        awaitCaughtUp();
        assertEquals(FeedStub.head(), mirror.seq());
        for (String person : persons) {
            bank.check(person).then().body("decision", equalTo("DENY"));
            assertEquals(0, RiskStub.lookups(ref(person)).size());
        }
        bank.check(withoutMeasures).then().body("decision", equalTo("DENY"));
        assertFalse(RiskStub.lookups(ref(withoutMeasures)).isEmpty(), "the feed did not say enough: asked");
    }

    @Test
    void aListingUnderAnOldKeyOrUnderAnotherDocumentRefusesThePerson() {
        String listedBeforeRotation = TestPeople.residentId();
        FeedStub.restricted(oldKey().customerRef(residentId(listedBeforeRotation)), IN_TWO_YEARS, IN_TWO_YEARS);
        String residentId = TestPeople.residentId();
        String passportNumber = "E" + (10_000_000 + ThreadLocalRandom.current().nextInt(90_000_000));
        FeedStub.restricted(pseudonymizer.customerRef(PersonDocument.of(DocumentType.PASSPORT, passportNumber, "USA")),
                IN_TWO_YEARS, IN_TWO_YEARS);
        String undecidedPassport = "E" + (10_000_000 + ThreadLocalRandom.current().nextInt(90_000_000));
        String undecidedPassportRef = pseudonymizer.customerRef(PersonDocument.of(DocumentType.PASSPORT, undecidedPassport, "USA"));
        FeedStub.restrictedWithoutMeasures(undecidedPassportRef);
        awaitCaughtUp();

        bank.check(listedBeforeRotation).then().body("decision", equalTo("DENY"))
                .body("reasons", contains("PERSON_RESTRICTED"));
        bank.check(residentId).then().body("decision", equalTo("ALLOW"));
        bank.request().body(BankClient.openingOf(TestPeople.document(residentId),
                        "[" + BankClient.passport(passportNumber, "USA") + "]", "CLASS_II", "DEBIT_CARD", "COUNTER", null, null))
                .post("/v1/opening-checks").then().statusCode(200).body("decision", equalTo("DENY"))
                .body("reasons", contains("PERSON_RESTRICTED"));
        assertEquals(0, RiskStub.lookups(ref(listedBeforeRotation)).size(), "judged from the mirror");
        assertEquals(0, RiskStub.lookups(ref(residentId)).size(), "judged from the mirror");

        // a clear resident ID with a passport the mirror cannot judge: account-risk-service is asked
        String other = TestPeople.residentId();
        RiskStub.restricted(undecidedPassportRef);
        bank.request().body(BankClient.openingOf(TestPeople.document(other),
                        "[" + BankClient.passport(undecidedPassport, "USA") + "]", "CLASS_II", "DEBIT_CARD", "COUNTER", null, null))
                .post("/v1/opening-checks").then().statusCode(200).body("decision", equalTo("DENY"));
        assertFalse(RiskStub.lookups(undecidedPassportRef).isEmpty(), "one reference undecidable: asked");
    }

    private Pseudonymizer oldKey() {
        return new Pseudonymizer(new PseudonymConfig() {
            @Override
            public String activeKeyId() {
                return "old1";
            }

            @Override
            public Map<String, String> keys() {
                return Map.of("old1", oldKey);
            }
        });
    }

    private static PersonDocument residentId(String number) {
        return PersonDocument.of(DocumentType.RESIDENT_ID, number);
    }

    private void awaitCaughtUp() {
        long head = FeedStub.head();
        await(() -> mirror.seq() >= head && mirror.fresh(), "the mirror to reach seq " + head);
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    private String ref(String residentId) {
        return pseudonymizer.customerRef(PersonDocument.of(DocumentType.RESIDENT_ID, residentId));
    }
}
