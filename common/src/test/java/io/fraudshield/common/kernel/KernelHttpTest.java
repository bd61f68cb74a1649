package io.fraudshield.common.kernel;

import io.agroal.api.AgroalDataSource;
import io.fraudshield.common.caller.VerifiedTokenCache;
import io.fraudshield.common.idempotency.IdempotencyRetention;
import io.fraudshield.localstack.LocalTokens;
import io.fraudshield.localstack.TestSql;
import io.fraudshield.localstack.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kernel over HTTP on real PostgreSQL: problem details, idempotency and caller identity. */
@QuarkusTest
class KernelHttpTest {

    private static final String PATH = "/test/probe-effects";
    private static final String BANK = TestTokens.bearer("bank", "B102");
    private static final String VALID = """
            {"label":"first","customer":{"type":"RESIDENT_ID","number":"11010519491231002X"},"amount":"100.50"}""";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    IdempotencyRetention retention;
    @Inject
    VerifiedTokenCache tokens;

    // ---------- problem details: bad input answers 400/413/415 and writes nothing ----------

    @Test
    void malformedJsonIsAProblemAndWritesNothing() {
        assertRejectedWithoutEffect("{\"label\": \"x\",", 400, "malformed-json");
    }

    @Test
    void unknownFieldIsAProblemNamingTheField() {
        String body = VALID.replace("\"label\"", "\"colour\":\"red\",\"label\"");
        assertRejectedWithoutEffect(body, 400, "unknown-field")
                .then().body("errors[0].field", equalTo("colour"));
    }

    @Test
    void nulByteInAStringIsA400NotA500() {
        assertRejectedWithoutEffect(VALID.replace("first", "fi\\u0000rst"), 400, "invalid-characters")
                .then().body("errors[0].field", equalTo("label"));
    }

    @Test
    void bodyOverTheLimitIs413() {
        String huge = "{\"label\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        assertRejectedWithoutEffect(huge, 413, "payload-too-large");
    }

    @Test
    void invalidDocumentNamesTheFieldAndNeverEchoesTheNumber() {
        String body = VALID.replace("11010519491231002X", "110105194912310021");
        assertRejectedWithoutEffect(body, 400, "validation")
                .then().body("errors[0].field", equalTo("customer"))
                .body(not(containsString("110105194912310021")));
    }

    @Test
    void beanValidationListsFieldPaths() {
        String body = VALID.replace("\"first\"", "\"  \"");
        assertRejectedWithoutEffect(body, 400, "validation").then().body("errors[0].field", equalTo("label"));
    }

    @Test
    void wrongTypesAndBadAmountsAreValidationProblems() {
        assertRejectedWithoutEffect(VALID.replace("\"100.50\"", "\"100.505\""), 400, "validation")
                .then().body("errors[0].field", equalTo("amount"));
        assertRejectedWithoutEffect(VALID.replace("\"first\"", "[1]"), 400, "validation");
    }

    @Test
    void wrongContentTypeIs415() {
        long before = effects();
        given().header("Authorization", BANK).header("Idempotency-Key", key()).contentType(ContentType.TEXT)
                .body(VALID).post(PATH)
                .then().statusCode(415).contentType("application/problem+json")
                .body("type", equalTo("https://fraudshield.io/problems/unsupported-media-type"));
        assertEquals(before, effects());
    }

    @Test
    void unknownPathIsAProblem() {
        given().header("Authorization", BANK).get("/v1/no-such-thing")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void problemsCarryNoStackTraceOrClassNames() {
        given().header("Authorization", BANK).header("Idempotency-Key", key()).contentType(ContentType.JSON)
                .body("{\"label\":").post(PATH)
                .then().statusCode(400)
                .body(not(containsString("Exception")), not(containsString("com.fasterxml")), not(containsString("at io.")));
    }

    // ---------- idempotency ----------

    @Test
    void missingIdempotencyKeyIs400() {
        long before = effects();
        given().header("Authorization", BANK).contentType(ContentType.JSON).body(VALID).post(PATH)
                .then().statusCode(400).body("type", equalTo("https://fraudshield.io/problems/idempotency-key-missing"));
        assertEquals(before, effects());
    }

    @Test
    void replayReturnsTheIdenticalResponseAndHasOneEffect() {
        String key = key();
        long before = effects();
        long auditedBefore = count("audit_event");
        Response first = post(key, VALID);
        first.then().statusCode(201).header("Location", containsString(PATH + "/"))
                .body("customerRef", startsWith("dev1."));
        Response replay = post(key, VALID);
        replay.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertEquals(first.asString(), replay.asString());
        assertEquals(first.header("Location"), replay.header("Location"));
        // the same person spelt differently is the same request
        post(key, VALID.replace("002X", "002x")).then().statusCode(201).header("Idempotent-Replayed", "true");
        assertEquals(before + 1, effects());
        assertEquals(auditedBefore + 1, count("audit_event"));
    }

    @Test
    void sameKeyWithADifferentBodyIs422() {
        String key = key();
        post(key, VALID).then().statusCode(201);
        long before = effects();
        post(key, VALID.replace("100.50", "100.51")).then().statusCode(422)
                .body("type", equalTo("https://fraudshield.io/problems/idempotency-key-reused"));
        assertEquals(before, effects());
    }

    @Test
    void keysAreScopedPerCaller() {
        String key = key();
        long before = effects();
        post(key, VALID).then().statusCode(201);
        given().header("Authorization", TestTokens.bearer("bank", "B105")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(VALID).post(PATH)
                .then().statusCode(201).header("Idempotent-Replayed", (String) null);
        assertEquals(before + 2, effects());
    }

    @Test
    void twentyConcurrentDuplicatesHaveExactlyOneEffect() throws Exception {
        String key = key();
        long before = effects();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(() -> post(key, VALID).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : pool.invokeAll(calls)) {
                statuses.add(result.get());
            }
            assertTrue(statuses.stream().allMatch(status -> status == 201 || status == 409), statuses.toString());
            assertTrue(statuses.contains(201), statuses.toString());
        } finally {
            pool.shutdown();
        }
        assertEquals(before + 1, effects());
        post(key, VALID).then().statusCode(201).header("Idempotent-Replayed", "true");
    }

    @Test
    void recordsAreForgottenAfterTheRetention() throws SQLException {
        String key = key();
        post(key, VALID).then().statusCode(201);
        TestSql.execute(dataSource, "update idempotency_record set created_at = now() - interval '8 days'"
                + " where idempotency_key = '" + key + "'");
        assertTrue(retention.purgeNow() >= 1);
        post(key, VALID.replace("100.50", "7.00")).then().statusCode(201).header("Idempotent-Replayed", (String) null);
    }

    // ---------- caller identity ----------

    @Test
    void missingTokenIs401() {
        given().header("Idempotency-Key", key()).contentType(ContentType.JSON).body(VALID).post(PATH)
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
    }

    @Test
    void aVerifiedTokenIsRememberedAndStillChecked() {
        String token = "Bearer " + TestTokens.token("bank", "B102", "cache-check");
        long before = tokens.hits();
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", token).header("Idempotency-Key", key()).contentType(ContentType.JSON)
                    .body(VALID).post(PATH).then().statusCode(201);
        }
        assertTrue(tokens.hits() >= before + 2, "the second and third request were served from the cache");
        // a cached token keeps its role: a police token is refused however often it was seen
        String police = "Bearer " + TestTokens.token("police", "P4403", "cache-check");
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", police).header("Idempotency-Key", key()).contentType(ContentType.JSON)
                    .body(VALID).post(PATH).then().statusCode(403);
        }
    }

    @Test
    void expiredTokenIs401() {
        String expired = LocalTokens.mint(TestTokens.signingKey(), LocalTokens.ISSUER, TestTokens.audience(), "bank",
                "B102", "op", Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1));
        assertUnauthenticated("Bearer " + expired);
    }

    @Test
    void wrongIssuerIs401() {
        String foreign = LocalTokens.mint(TestTokens.signingKey(), "https://elsewhere.example/issuer",
                TestTokens.audience(), "bank", "B102", "op", Instant.now(), Duration.ofMinutes(5));
        assertUnauthenticated("Bearer " + foreign);
    }

    @Test
    void unsignedAlgNoneTokenIs401() {
        String payload = "{\"iss\":\"" + LocalTokens.ISSUER + "\",\"aud\":\"" + TestTokens.audience()
                + "\",\"sub\":\"op\",\"groups\":[\"bank\"],"
                + "\"participant\":\"B102\",\"exp\":" + (Instant.now().getEpochSecond() + 300) + "}";
        String none = LocalTokens.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + LocalTokens.encode(payload) + ".";
        assertUnauthenticated("Bearer " + none);
    }

    @Test
    void tamperedSignatureIs401() {
        String token = TestTokens.token("bank", "B102", "op");
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertUnauthenticated("Bearer " + tampered);
    }

    @Test
    void tokenInQueryStringIs401EvenWithAValidHeader() {
        String token = TestTokens.token("bank", "B102", "op");
        long before = effects();
        given().header("Authorization", "Bearer " + token).header("Idempotency-Key", key())
                .queryParam("access_token", token).contentType(ContentType.JSON).body(VALID).post(PATH)
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Idempotency-Key", key()).queryParam("x", token).contentType(ContentType.JSON).body(VALID).post(PATH)
                .then().statusCode(401);
        assertEquals(before, effects());
    }

    @Test
    void wrongRoleIs403() {
        given().header("Authorization", TestTokens.bearer("police", "P4403")).header("Idempotency-Key", key())
                .contentType(ContentType.JSON).body(VALID).post(PATH)
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://fraudshield.io/problems/forbidden"));
    }

    // ---------- helpers ----------

    private void assertUnauthenticated(String authorization) {
        long before = effects();
        given().header("Authorization", authorization).header("Idempotency-Key", key())
                .contentType(ContentType.JSON).body(VALID).post(PATH)
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("https://fraudshield.io/problems/unauthenticated"));
        assertEquals(before, effects());
    }

    private Response assertRejectedWithoutEffect(String body, int status, String slug) {
        long before = effects();
        Response response = post(key(), body);
        response.then().statusCode(status).contentType("application/problem+json")
                .body("type", equalTo("https://fraudshield.io/problems/" + slug))
                .body("status", equalTo(status));
        assertEquals(before, effects(), "a rejected request must write nothing");
        return response;
    }

    private static Response post(String key, String body) {
        return given().header("Authorization", BANK).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post(PATH);
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private long effects() {
        return count("probe_effect");
    }

    private long count(String table) {
        return TestSql.number(dataSource, "select count(*) from " + table);
    }
}
