package io.fraudshield.cardlimit;

import io.fraudshield.localstack.TestPeople;
import io.fraudshield.localstack.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** A bank (or payment institution) core system calling card-limit-service, as one operator of it. */
public record BankClient(String bank, String subject, String role) {

    /** The most common opening: a Class II account with a debit card. */
    public static final String CLASS_II = "CLASS_II";
    public static final String DEBIT_CARD = "DEBIT_CARD";

    public static BankClient of(String bank) {
        return new BankClient(bank, bank.toLowerCase() + "-teller", "bank");
    }

    public static BankClient paymentInstitution(String code) {
        return new BankClient(code, code.toLowerCase() + "-operator", "payment-institution");
    }

    public BankClient as(String otherSubject) {
        return new BankClient(bank, otherSubject, role);
    }

    public RequestSpecification request() {
        return given().header("Authorization", "Bearer " + TestTokens.token(role, bank, subject))
                .contentType(ContentType.JSON);
    }

    public RequestSpecification idempotent() {
        return request().header("Idempotency-Key", UUID.randomUUID().toString());
    }

    public Response check(String customerId, String accountClass, String card, String channel) {
        return request().body(opening(customerId, accountClass, card, channel, null, null)).post("/v1/opening-checks");
    }

    /** The dry run of a Class II account with a debit card at the counter. */
    public Response check(String customerId) {
        return check(customerId, CLASS_II, DEBIT_CARD, "COUNTER");
    }

    public Response reserve(String customerId, String accountClass, String card) {
        return reserve(opening(customerId, accountClass, card, "COUNTER", null, null));
    }

    /** Reserves a Class II account with a debit card. */
    public Response reserveDebitCard(String customerId) {
        return reserve(customerId, CLASS_II, DEBIT_CARD);
    }

    public Response reserve(String body) {
        return idempotent().body(body).post("/v1/slot-reservations");
    }

    public Response confirm(String reservationId) {
        return confirm(reservationId, TestPeople.cardNumber());
    }

    /** @param cardNumber null for an account without card */
    public Response confirm(String reservationId, String cardNumber) {
        return idempotent().body(cardNumber == null ? "{}" : "{\"cardNumber\":\"" + cardNumber + "\"}")
                .post("/v1/slot-reservations/" + reservationId + "/confirmation");
    }

    /** Reserves and confirms: a new active account (with its card), inactive when opened by an agent. */
    public String open(String customerId, String accountClass, String card) {
        String id = reserve(customerId, accountClass, card).then().statusCode(201).extract().path("id");
        confirm(id, card == null ? null : TestPeople.cardNumber()).then().statusCode(200);
        return id;
    }

    /** Opens a Class II account with a debit card. */
    public String openCard(String customerId) {
        return open(customerId, CLASS_II, DEBIT_CARD);
    }

    public Response close(String cardId) {
        return idempotent().post("/v1/cards/" + cardId + "/closure");
    }

    /** @param card null when no card is issued */
    public static String opening(String customerId, String accountClass, String card, String channel, String agentId,
                                 String overrideId) {
        return openingOf(TestPeople.document(customerId), null, accountClass, card, channel, agentId, overrideId);
    }

    /** An opening with the customer's documents given as JSON; {@code otherDocuments} a JSON array or null. */
    public static String openingOf(String customerDocument, String otherDocuments, String accountClass, String card,
                                   String channel, String agentId, String overrideId) {
        return "{\"customer\":" + customerDocument
                + (otherDocuments == null ? "" : ",\"otherDocuments\":" + otherDocuments)
                + ",\"accountClass\":\"" + accountClass + "\""
                + (card == null ? "" : ",\"card\":\"" + card + "\"")
                + ",\"channel\":\"" + channel + "\""
                + (agentId == null ? "" : ",\"agent\":" + TestPeople.document(agentId))
                + (overrideId == null ? "" : ",\"overrideId\":\"" + overrideId + "\"") + "}";
    }

    public static String passport(String number, String country) {
        return "{\"type\":\"PASSPORT\",\"number\":\"" + number + "\",\"issuingCountry\":\"" + country + "\"}";
    }
}
