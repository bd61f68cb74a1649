package io.fraudshield.cardlimit;

import io.fraudshield.localstack.TestPeople;
import io.fraudshield.localstack.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** A bank core system calling card-limit-service, as one operator of one bank. */
public record BankClient(String bank, String subject) {

    public static BankClient of(String bank) {
        return new BankClient(bank, bank.toLowerCase() + "-teller");
    }

    public BankClient as(String otherSubject) {
        return new BankClient(bank, otherSubject);
    }

    public RequestSpecification request() {
        return given().header("Authorization", "Bearer " + TestTokens.token("bank", bank, subject))
                .contentType(ContentType.JSON);
    }

    public RequestSpecification idempotent() {
        return request().header("Idempotency-Key", UUID.randomUUID().toString());
    }

    public Response check(String customerId, String product, String channel) {
        return request().body(opening(customerId, product, channel, null, null)).post("/v1/opening-checks");
    }

    public Response reserve(String customerId, String product) {
        return reserve(opening(customerId, product, "COUNTER", null, null));
    }

    public Response reserve(String body) {
        return idempotent().body(body).post("/v1/slot-reservations");
    }

    public Response confirm(String reservationId) {
        return idempotent().body("{\"cardNumber\":\"" + TestPeople.cardNumber() + "\"}")
                .post("/v1/slot-reservations/" + reservationId + "/confirmation");
    }

    /** Reserves and confirms: a new active card (or inactive, when opened by an agent). */
    public String openCard(String customerId, String product) {
        String id = reserve(customerId, product).then().statusCode(201).extract().path("id");
        confirm(id).then().statusCode(200);
        return id;
    }

    public Response close(String cardId) {
        return idempotent().post("/v1/cards/" + cardId + "/closure");
    }

    public static String opening(String customerId, String product, String channel, String agentId, String overrideId) {
        return "{\"customer\":" + TestPeople.document(customerId) + ",\"product\":\"" + product + "\",\"channel\":\""
                + channel + "\"" + (agentId == null ? "" : ",\"agent\":" + TestPeople.document(agentId))
                + (overrideId == null ? "" : ",\"overrideId\":\"" + overrideId + "\"") + "}";
    }
}
