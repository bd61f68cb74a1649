package io.fraudshield.stoppayment;

import io.fraudshield.localstack.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/** Someone calling stop-payment-service with a token: an admin, a police officer, a bank, the regulator. */
public record Actor(String role, String participant, String subject) {

    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 90_000) + 10_000);

    /** A participant code no other test uses, e.g. {@code B12345}. */
    public static String freshCode(String prefix) {
        return prefix + NEXT.incrementAndGet();
    }

    public static Actor admin() {
        return new Actor("admin", "ADM01", "registry-admin");
    }

    public static Actor regulator() {
        return new Actor("regulator", "PBOC01", "supervisor");
    }

    public static Actor police(String agency, String officer) {
        return new Actor("police", agency, officer);
    }

    public static Actor bank(String code) {
        return new Actor("bank", code, code.toLowerCase() + "-ops");
    }

    public RequestSpecification request() {
        return given().header("Authorization", "Bearer " + TestTokens.token(role, participant, subject))
                .contentType(ContentType.JSON);
    }

    public RequestSpecification idempotent() {
        return request().header("Idempotency-Key", UUID.randomUUID().toString());
    }

    public Response post(String path, String body) {
        return idempotent().body(body).post(path);
    }

    public Response get(String path) {
        return request().get(path);
    }
}
