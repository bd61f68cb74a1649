package io.fraudshield.accountrisk;

import io.fraudshield.localstack.TestPeople;
import io.fraudshield.localstack.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;

/** One person of one participant (a bank, platform, police agency...) calling account-risk-service. */
public record ParticipantClient(String role, String participant, String subject) {

    public static ParticipantClient police(String agency) {
        return new ParticipantClient("police", agency, agency.toLowerCase() + "-officer");
    }

    public static ParticipantClient bank(String bank) {
        return new ParticipantClient("bank", bank, bank.toLowerCase() + "-analyst");
    }

    public static ParticipantClient platform(String code) {
        return new ParticipantClient("payment-institution", code, code.toLowerCase() + "-gateway");
    }

    public static ParticipantClient regulator(String code) {
        return new ParticipantClient("regulator", code, code.toLowerCase() + "-examiner");
    }

    public static ParticipantClient service(String code) {
        return new ParticipantClient("service", code, "service-account");
    }

    public ParticipantClient as(String otherSubject) {
        return new ParticipantClient(role, participant, otherSubject);
    }

    public RequestSpecification request() {
        return given().header("Authorization", "Bearer " + TestTokens.token(role, participant, subject))
                .contentType(ContentType.JSON);
    }

    public RequestSpecification idempotent() {
        return request().header("Idempotency-Key", UUID.randomUUID().toString());
    }

    public Response markAccount(Account account, String category, String level) {
        return idempotent().body(accountMarker(account, category, level, "")).post("/v1/account-markers");
    }

    public String markAccountActive(Account account, String category, String level) {
        String id = markAccount(account, category, level).then().statusCode(201).extract().path("id");
        if ("BLACK".equals(level)) {
            as(subject + "-checker").idempotent().post("/v1/markers/" + id + "/approval").then().statusCode(200);
        }
        return id;
    }

    public Response query(Account... accounts) {
        return request().body(statusQuery(List.of(accounts))).post("/v1/account-status-queries");
    }

    public String statusOf(Account account) {
        return query(account).then().statusCode(200).extract().path("results[0].status");
    }

    public static String accountMarker(Account account, String category, String level, String extraFields) {
        return "{\"bank\":\"" + account.bank() + "\",\"accountNumber\":\"" + account.number() + "\",\"category\":\""
                + category + "\",\"level\":\"" + level + "\",\"reasonCode\":\"CASE_RECEIVING_ACCOUNT\","
                + "\"evidenceRef\":\"GA-3301-2026-000123\"" + extraFields + "}";
    }

    public static String statusQuery(List<Account> accounts) {
        return accounts.stream().map(a -> "{\"bank\":\"" + a.bank() + "\",\"accountNumber\":\"" + a.number() + "\"}")
                .collect(Collectors.joining(",", "{\"accounts\":[", "]}"));
    }

    /** An account of a bank; a fresh one has never been marked. */
    public record Account(String bank, String number) {

        public static Account fresh() {
            return new Account("B102", "62170" + ThreadLocalRandom.current().nextLong(1_000_000_000_000L, 9_999_999_999_999L));
        }

        public static Account card() {
            return new Account("B205", TestPeople.cardNumber());
        }
    }
}
