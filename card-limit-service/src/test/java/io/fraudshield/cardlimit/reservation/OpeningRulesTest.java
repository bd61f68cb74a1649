package io.fraudshield.cardlimit.reservation;

import io.fraudshield.cardlimit.BankClient;
import io.fraudshield.cardlimit.RiskStub;
import io.fraudshield.localstack.TestPeople;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.fraudshield.cardlimit.BankClient.opening;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The opening rules over HTTP, on real PostgreSQL, with account-risk-service stubbed at its HTTP boundary. */
@QuarkusTest
class OpeningRulesTest {

    private final BankClient bank = BankClient.of("B102");

    @Test
    void aNewCustomerMayOpenAndTheDryRunHoldsNothing() {
        String customer = TestPeople.residentId();
        for (int i = 0; i < 2; i++) {
            bank.check(customer).then().statusCode(200)
                    .body("decision", equalTo("ALLOW"))
                    .body("customerRef", startsWith("dev1."))
                    .body("holdings.find { it.limit == 'DEBIT_CARDS' }.held", equalTo(0))
                    .body("holdings.find { it.limit == 'DEBIT_CARDS' }.inForce", equalTo(4))
                    .body(not(containsString(customer)));
        }
    }

    @Test
    void reserveConfirmAndShowTheCardMasked() {
        String customer = TestPeople.residentId();
        String id = bank.reserveDebitCard(customer).then().statusCode(201)
                .header("Location", containsString("/v1/slot-reservations/"))
                .body("state", equalTo("HELD")).body("decision", equalTo("ALLOW")).body("heldUntil", notNullValue())
                .extract().path("id");
        String card = TestPeople.cardNumber();
        bank.idempotent().body("{\"cardNumber\":\"" + card + "\"}").post("/v1/slot-reservations/" + id + "/confirmation")
                .then().statusCode(200).body("state", equalTo("ACTIVE"))
                .body("maskedCard", equalTo(card.substring(0, 6) + "******" + card.substring(card.length() - 4)))
                .body(not(containsString(card)));
        bank.request().get("/v1/cards/" + id).then().statusCode(200).body("state", equalTo("ACTIVE"));
    }

    @Test
    void theFifthDebitCardIsDeniedWithTheHoldingsThatLedToIt() {
        String customer = TestPeople.residentId();
        for (int i = 0; i < 4; i++) {
            bank.openCard(customer);
        }
        bank.reserveDebitCard(customer).then().statusCode(200)
                .body("decision", equalTo("DENY")).body("reasons", contains("DEBIT_CARD_LIMIT"))
                .body("id", nullValue())
                .body("holdings.find { it.limit == 'DEBIT_CARDS' }.active", equalTo(4));
    }

    @Test
    void lowerCaseXAndFullWidthDigitsAreOneCustomer() {
        String canonical = TestPeople.residentIdEndingInX();
        bank.openCard(canonical);
        bank.openCard(canonical.toLowerCase());
        bank.openCard(TestPeople.fullWidth(canonical));
        bank.openCard(" " + canonical.substring(0, 17) + "x ");
        bank.reserveDebitCard(TestPeople.fullWidth(canonical.toLowerCase())).then().statusCode(200)
                .body("decision", equalTo("DENY"));
    }

    @Test
    void excludedCategoriesAndClosedCardsDoNotCount() {
        String customer = TestPeople.residentId();
        String first = bank.openCard(customer);
        for (int i = 0; i < 3; i++) {
            bank.openCard(customer);
        }
        bank.reserve(customer, "CLASS_II", "SOCIAL_SECURITY_CARD").then().statusCode(201)
                .body("reasons", contains("EXCLUDED_CATEGORY"));
        bank.reserve(customer, "CLASS_I", "MEDICAL_INSURANCE_CARD").then().statusCode(201);
        // Bank of China's extra exclusions are not configured here: a mobile-payment card counts as a card
        bank.reserve(customer, "CLASS_II", "MOBILE_PAYMENT_CARD").then().statusCode(200)
                .body("reasons", contains("DEBIT_CARD_LIMIT"));
        bank.check(customer).then().body("decision", equalTo("DENY"));
        bank.close(first).then().statusCode(200).body("state", equalTo("CLOSED"));
        bank.reserveDebitCard(customer).then().statusCode(201).body("decision", equalTo("ALLOW"));
    }

    @Test
    void accountClassesHaveTheirOwnLimits() {
        String customer = TestPeople.residentId();
        bank.open(customer, "CLASS_I", null);
        bank.reserve(customer, "CLASS_I", null).then().statusCode(200).body("reasons", contains("CLASS_I_EXISTS"));
        for (int i = 0; i < 5; i++) {
            bank.reserve(customer, "CLASS_II", null).then().statusCode(201);
        }
        bank.reserve(customer, "CLASS_II", null).then().statusCode(200).body("reasons", contains("CLASS_II_LIMIT"));
        for (int i = 0; i < 5; i++) {
            bank.reserve(customer, "CLASS_III", null).then().statusCode(201);
        }
        bank.reserve(customer, "CLASS_III", null).then().statusCode(200).body("reasons", contains("CLASS_III_LIMIT"));
        bank.check(TestPeople.residentId(), "CLASS_I", null, "MOBILE_APP").then()
                .body("decision", equalTo("DENY")).body("reasons", contains("CHANNEL_NOT_ALLOWED"));
    }

    @Test
    void anAgentOpensAtMostThreeAndActivatesInPerson() {
        String agent = TestPeople.residentId();
        String cardId = null;
        for (int i = 0; i < 3; i++) {
            String id = bank.reserve(opening(TestPeople.residentId(), "CLASS_II", "DEBIT_CARD", "COUNTER", agent, null))
                    .then().statusCode(201).extract().path("id");
            bank.confirm(id).then().statusCode(200).body("state", equalTo("INACTIVE")).body("openedByAgent", equalTo(true));
            cardId = id;
        }
        bank.reserve(opening(TestPeople.residentId(), "CLASS_II", "DEBIT_CARD", "COUNTER", agent, null)).then().statusCode(200)
                .body("decision", equalTo("DENY")).body("reasons", contains("AGENT_LIMIT"));

        String activation = "{\"agent\":" + TestPeople.document(TestPeople.residentId()) + ",\"channel\":\"COUNTER\"}";
        bank.idempotent().body(activation).post("/v1/cards/" + cardId + "/activation").then().statusCode(403);
        String online = "{\"agent\":" + TestPeople.document(agent) + ",\"channel\":\"ONLINE\"}";
        bank.idempotent().body(online).post("/v1/cards/" + cardId + "/activation").then().statusCode(400);
        String inPerson = "{\"agent\":" + TestPeople.document(agent) + ",\"channel\":\"COUNTER\"}";
        bank.idempotent().body(inPerson).post("/v1/cards/" + cardId + "/activation").then().statusCode(200)
                .body("state", equalTo("ACTIVE"));
        bank.reserve(opening(TestPeople.residentId(), "CLASS_II", "DEBIT_CARD", "COUNTER", agent, null)).then()
                .body("decision", equalTo("DENY"));
    }

    @Test
    void anAgentCannotBeTheCustomer() {
        String person = TestPeople.residentId();
        bank.reserve(opening(person, "CLASS_II", "DEBIT_CARD", "COUNTER", person, null)).then().statusCode(400)
                .body("errors[0].field", equalTo("agent"));
    }

    @Test
    void overridesNeedASecondPersonAndGrantOneSlotOnce() {
        String customer = TestPeople.residentId();
        for (int i = 0; i < 4; i++) {
            bank.openCard(customer);
        }
        String body = "{\"customer\":" + TestPeople.document(customer)
                + ",\"limitKind\":\"DEBIT_CARDS\",\"reason\":\"payroll card for a new employer, verified in person\"}";
        String overrideId = bank.idempotent().body(body).post("/v1/overrides").then().statusCode(201)
                .body("state", equalTo("PENDING_APPROVAL")).extract().path("id");
        // pending: not usable yet
        bank.reserve(opening(customer, "CLASS_II", "DEBIT_CARD", "COUNTER", null, overrideId)).then().statusCode(409);
        bank.idempotent().post("/v1/overrides/" + overrideId + "/approval").then().statusCode(403)
                .body("detail", containsString("Self-approval"));
        BankClient supervisor = bank.as("b102-supervisor");
        supervisor.idempotent().post("/v1/overrides/" + overrideId + "/approval").then().statusCode(200)
                .body("state", equalTo("APPROVED")).body("approvedBy", equalTo("b102-supervisor"));
        BankClient.of("B105").idempotent().post("/v1/overrides/" + overrideId + "/approval").then().statusCode(404);

        bank.reserve(opening(customer, "CLASS_II", "DEBIT_CARD", "COUNTER", null, overrideId)).then().statusCode(201)
                .body("reasons", contains("OVERRIDE_APPLIED"));
        bank.request().get("/v1/overrides/" + overrideId).then().body("state", equalTo("USED"));
        bank.reserve(opening(customer, "CLASS_II", "DEBIT_CARD", "COUNTER", null, overrideId)).then().statusCode(409);
        bank.reserveDebitCard(customer).then().body("decision", equalTo("DENY"));
    }

    @Test
    void restrictedPersonsAreDenied() {
        String customer = TestPeople.residentId();
        String ref = bank.check(customer).then().extract().path("customerRef");
        RiskStub.restricted(ref);
        bank.reserve(customer, "CLASS_III", null).then().statusCode(200)
                .body("decision", equalTo("DENY")).body("reasons", hasItem("PERSON_RESTRICTED"));
        assertTrue(RiskStub.lookups(ref).size() >= 2);
    }

    @Test
    void anUnreachableOrSlowRiskServiceMeansReviewNeverAllow() {
        String customer = TestPeople.residentId();
        String ref = bank.check(customer).then().extract().path("customerRef");
        RiskStub.unreachableFor(ref);
        bank.reserveDebitCard(customer).then().statusCode(200)
                .body("decision", equalTo("REVIEW")).body("reasons", contains("RISK_SERVICE_UNAVAILABLE"))
                .body("id", nullValue());
        String unknownCustomer = TestPeople.residentId();
        String unknownRef = bank.check(unknownCustomer).then().extract().path("customerRef");
        RiskStub.notFoundFor(unknownRef);
        bank.check(unknownCustomer).then().body("decision", equalTo("REVIEW"));
        String slowCustomer = TestPeople.residentId();
        String slowRef = bank.check(slowCustomer).then().extract().path("customerRef");
        RiskStub.slowFor(slowRef);
        bank.check(slowCustomer).then().body("decision", equalTo("REVIEW"));
    }

    @Test
    void aBankSeesOnlyItsOwnReservationsAndCards() {
        String customer = TestPeople.residentId();
        String id = bank.reserveDebitCard(customer).then().statusCode(201).extract().path("id");
        BankClient other = BankClient.of("B105");
        other.request().get("/v1/slot-reservations/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        other.confirm(id).then().statusCode(404);
        other.request().delete("/v1/slot-reservations/" + id).then().statusCode(404);
        bank.confirm(id).then().statusCode(200);
        other.request().get("/v1/cards/" + id).then().statusCode(404);
        other.close(id).then().statusCode(404);
        String ref = bank.check(customer).then().extract().path("customerRef");
        other.request().get("/v1/customers/" + ref + "/holdings").then().statusCode(200).body("size()", equalTo(0));
        bank.request().get("/v1/customers/" + ref + "/holdings").then().statusCode(200).body("size()", equalTo(1));
    }

    @Test
    void releasingFreesTheSlotAndAReleasedHoldCannotBeConfirmed() {
        String customer = TestPeople.residentId();
        for (int i = 0; i < 3; i++) {
            bank.openCard(customer);
        }
        String held = bank.reserveDebitCard(customer).then().statusCode(201).extract().path("id");
        bank.reserveDebitCard(customer).then().statusCode(200).body("decision", equalTo("DENY"));
        bank.request().delete("/v1/slot-reservations/" + held).then().statusCode(204);
        bank.request().delete("/v1/slot-reservations/" + held).then().statusCode(204);
        bank.confirm(held).then().statusCode(409).contentType("application/problem+json");
        bank.reserveDebitCard(customer).then().statusCode(201);
    }

    @Test
    void writesNeedAnIdempotencyKeyAndOnlyBanksMayCall() {
        String body = opening(TestPeople.residentId(), "CLASS_II", "DEBIT_CARD", "COUNTER", null, null);
        bank.request().body(body).post("/v1/slot-reservations").then().statusCode(400)
                .body("type", equalTo("https://fraudshield.io/problems/idempotency-key-missing"));
        io.restassured.RestAssured.given().header("Authorization", io.fraudshield.localstack.TestTokens.bearer("police", "P4403"))
                .contentType("application/json").body(body).post("/v1/opening-checks").then().statusCode(403);
    }
}
