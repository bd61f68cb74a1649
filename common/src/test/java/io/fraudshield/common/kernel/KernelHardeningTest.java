package io.fraudshield.common.kernel;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.fraudshield.common.digest.CanonicalDigest;
import io.fraudshield.localstack.LocalTokens;
import io.fraudshield.localstack.TestSql;
import io.fraudshield.localstack.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kernel as an attacker tries it: spelled paths, lenient input, odd tokens, stored digests. */
@QuarkusTest
class KernelHardeningTest {

    private static final String PATH = "/test/probe-effects";
    private static final String BANK = TestTokens.bearer("bank", "B102");
    private static final String VALID = """
            {"label":"first","customer":{"type":"RESIDENT_ID","number":"11010519491231002X"},"amount":"100.50"}""";
    private static final byte[] THREE_MIB = ("{\"label\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}")
            .getBytes(StandardCharsets.UTF_8);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    CanonicalDigest canonical;
    @Inject
    ObjectMapper json;
    @Inject
    Vertx vertx;

    // ---------- body limits by route, however the path is spelled ----------

    @ParameterizedTest
    @ValueSource(strings = {"/test/probe-effects/uploads/../../probe-effects", "/test/probe-effects/uploads/%2e%2e",
            "/test/probe-effects/uploads/%2E%2E/", "/test/probe-effects/uploads/..;/", "//test/probe-effects",
            "/test/./probe-effects", "/test/probe-effects;x=1", "/test/probe-effects%2fuploads",
            "/test/probe-effects/uploads/.."})
    void aJsonRouteSpelledThroughTheUploadRouteIsRefusedBeforeItsBodyIsRead(String spelling) throws Exception {
        long before = effects();
        int status = RawHttp.post(port(), spelling, BANK, "application/json", THREE_MIB, false);
        assertEquals(400, status, spelling + " must be refused as non-canonical, not parsed");
        assertEquals(before, effects());
    }

    @Test
    void theJsonLimitHoldsWithAndWithoutContentLength() throws Exception {
        assertEquals(413, RawHttp.post(port(), PATH, BANK, "application/json", THREE_MIB, false));
        assertEquals(411, RawHttp.post(port(), PATH, BANK, "application/json", VALID.getBytes(StandardCharsets.UTF_8), true));
        assertEquals(411, RawHttp.post(port(), PATH, BANK, "application/json", THREE_MIB, true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "DELETE", "OPTIONS", "PUT", "PATCH"})
    void everyMethodsBodyIsBounded(String method) throws Exception {
        assertEquals(413, RawHttp.send(method, port(), PATH + "/identity", BANK, "application/json", THREE_MIB, false));
        assertEquals(411, RawHttp.send(method, port(), PATH + "/identity", BANK, "application/json", THREE_MIB, true));
    }

    @Test
    void onlyTheExactUploadRouteStreamsLargeBodies() throws Exception {
        assertEquals(200, RawHttp.post(port(), PATH + "/uploads", BANK, "application/x-ndjson", THREE_MIB, false));
        assertEquals(200, RawHttp.post(port(), PATH + "/uploads", BANK, "application/x-ndjson", THREE_MIB, true));
        assertEquals(400, RawHttp.post(port(), "/test//probe-effects/uploads", BANK, "application/x-ndjson", THREE_MIB, false));
    }

    @Test
    void overHttp2AJsonBodyMustDeclareItsLengthAndStayWithinTheLimit() throws Exception {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
                .setHttp2ClearTextUpgrade(false));
        try {
            long before = effects();
            assertEquals(411, http2Post(client, false, VALID.getBytes(StandardCharsets.UTF_8)));
            assertEquals(413, http2Post(client, true, THREE_MIB));
            assertEquals(201, http2Post(client, true, VALID.getBytes(StandardCharsets.UTF_8)), "a framed HTTP/2 body is fine");
            assertEquals(before + 1, effects());
        } finally {
            client.close();
        }
    }

    private int http2Post(HttpClient client, boolean withLength, byte[] body) throws Exception {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost("localhost").setPort(port())
                .setURI(PATH).putHeader("Authorization", BANK).putHeader("Content-Type", "application/json")
                .putHeader("Idempotency-Key", UUID.randomUUID().toString());
        return client.request(options).compose(request -> {
            if (withLength) {
                request.putHeader("Content-Length", Integer.toString(body.length));
            } else {
                request.setChunked(true);
            }
            return request.send(Buffer.buffer(body));
        }).map(response -> response.statusCode()).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    // ---------- strict input: one policy for every service ----------

    @ParameterizedTest
    @ValueSource(strings = {"\"RESIDENT_ID\\u0000\"", "\" RESIDENT_ID\"", "\"RESIDENT_ID \"", "\"resident_id\"", "0",
            "\"RESIDENT_ID\\u200B\"", "\"\""})
    void anEnumMatchesOneOfItsNamesExactly(String type) {
        assertRefused(VALID.replace("\"RESIDENT_ID\"", type), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"123", "12.5", "true"})
    void aJsonScalarIsNeverCoercedIntoAString(String label) {
        assertRefused(VALID.replace("\"first\"", label), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\\u202Eb", "a\\u2066b", "a\\u200Bb", "a\\u200Db", "a\\uFEFFb", "a\\u0085b", "a\\u061Cb",
            "a\\u2028b", "a\\u2029b", "a\\ud800b", "a\\udc00b", "a\\udb40\\udc41b", "a\\u3164b", "a\\u00ADb"})
    void bidiControlsAndInvisibleCharactersAreRefusedInFreeText(String label) {
        assertRefused(VALID.replace("first", label), 400)
                .then().body("type", equalTo("https://fraudshield.io/problems/invalid-characters"));
    }

    @Test
    void ordinaryUnicodeTextIsStillWelcome() {
        post(VALID.replace("first", "张三 — café\\tnote")).then().statusCode(201);
    }

    // ---------- no unkeyed digest of personal data ----------

    @Test
    void theStoredRequestDigestIsKeyedAndThePlainHashOfTheRequestMatchesNothing() throws Exception {
        String body = VALID.replace("first", "digest-" + UUID.randomUUID());
        post(body).then().statusCode(201);
        Object request = json.readValue(body, ProbeResource.ProbeRequest.class);
        String plain = canonical.of(request);
        String stored = TestSql.text(dataSource, "select request_digest from idempotency_record order by created_at desc limit 1");
        assertTrue(stored.startsWith("dev1."), "keyed under the pseudonym key, with its id: " + stored);
        assertNotEquals(plain, stored);
        assertEquals(0, TestSql.number(dataSource, "select count(*) from idempotency_record where request_digest = '"
                + plain + "' or response_body like '%11010519491231002X%'"));
    }

    // ---------- tokens: the same checks on every endpoint ----------

    @ParameterizedTest
    @ValueSource(strings = {
            "\"groups\":[\"bank\",\"regulator\"],\"participant\":\"B102\"",
            "\"groups\":[\"auditor\",\"bank\"],\"participant\":\"B102\"",
            "\"groups\":[],\"participant\":\"B102\"",
            "\"groups\":[\"bank\"],\"participant\":[\"B102\"]",
            "\"groups\":[\"bank\"],\"participant\":102",
            "\"groups\":[\"bank\"],\"participant\":{\"code\":\"B102\"}",
            "\"groups\":[\"bank\"]",
            "\"groups\":[\"bank\"],\"participant\":\"b-102\""})
    void aTokenWithoutExactlyOneRoleAndAStringParticipantIs401Everywhere(String claims) {
        String token = "Bearer " + signed(claims, Instant.now().getEpochSecond(), 600);
        assertUnauthenticatedEverywhere(token);
    }

    @Test
    void aTokenLivingLongerThanTheMaximumIs401Everywhere() {
        long now = Instant.now().getEpochSecond();
        assertUnauthenticatedEverywhere("Bearer " + signed("\"groups\":[\"auditor\"],\"participant\":\"AUD01\"", now, 365L * 24 * 3600));
        assertUnauthenticatedEverywhere("Bearer " + signed("\"groups\":[\"bank\"],\"participant\":\"B102\"", now, 2 * 3600));
        // within the maximum, the same shape works
        given().header("Authorization", "Bearer " + signed("\"groups\":[\"auditor\"],\"participant\":\"AUD01\"", now, 3600))
                .get("/v1/audit-chain/verification").then().statusCode(200);
    }

    @Test
    void aTokenDatedInTheFutureIs401EverywhereSoItCannotStretchItsLifetime() {
        long aYearAhead = Instant.now().getEpochSecond() + 365L * 24 * 3600;
        assertUnauthenticatedEverywhere("Bearer " + signed("\"groups\":[\"auditor\"],\"participant\":\"AUD01\"", aYearAhead, 3600));
        long tenMinutesAhead = Instant.now().getEpochSecond() + 600;
        assertUnauthenticatedEverywhere("Bearer " + signed("\"groups\":[\"bank\"],\"participant\":\"B102\"", tenMinutesAhead, 600));
    }

    @Test
    void aTokenForTwoServicesIs401Everywhere() {
        long now = Instant.now().getEpochSecond();
        String payload = "{\"iss\":\"" + LocalTokens.ISSUER + "\",\"aud\":[\"" + TestTokens.audience()
                + "\",\"stop-payment-service\"],\"sub\":\"op\",\"groups\":[\"auditor\"],\"participant\":\"AUD01\","
                + "\"iat\":" + now + ",\"exp\":" + (now + 600) + "}";
        assertUnauthenticatedEverywhere("Bearer " + LocalTokens.sign(TestTokens.signingKey(), "{\"alg\":\"RS256\",\"typ\":\"JWT\"}", payload));
    }

    /** A subject PostgreSQL text cannot hold (NUL failed the audit insert, or a stock COPY, with 22021: a 500). */
    @ParameterizedTest
    @ValueSource(strings = {"teller\\u0000one", "teller\\u0007", "teller\\u202Eeno", "\\u0000", "teller\\nsomeone-else",
            "teller\\tone", "teller\\r"})
    void aTokenWhoseSubjectHoldsControlOrInvisibleCharactersIs401EverywhereAndChangesNothing(String subject) {
        long now = Instant.now().getEpochSecond();
        String payload = "{\"iss\":\"" + LocalTokens.ISSUER + "\",\"aud\":\"" + TestTokens.audience() + "\",\"sub\":\""
                + subject + "\",\"groups\":[\"bank\"],\"participant\":\"B102\",\"iat\":" + now + ",\"exp\":" + (now + 600) + "}";
        assertUnauthenticatedEverywhere("Bearer " + LocalTokens.sign(TestTokens.signingKey(), "{\"alg\":\"RS256\",\"typ\":\"JWT\"}", payload));
    }

    @ParameterizedTest
    @ValueSource(strings = {"张伟-0042", "\uD842\uDFB7田-teller", "teller.one@bank-b102.example", "6f1c1a6e-0d7b-4c35-9a43-5b0c1f2e9d10"})
    void ordinarySubjectsStillAuthenticate(String subject) {
        long now = Instant.now().getEpochSecond();
        String payload = "{\"iss\":\"" + LocalTokens.ISSUER + "\",\"aud\":\"" + TestTokens.audience() + "\",\"sub\":\""
                + subject + "\",\"groups\":[\"bank\"],\"participant\":\"B102\",\"iat\":" + now + ",\"exp\":" + (now + 600) + "}";
        String token = LocalTokens.sign(TestTokens.signingKey(), "{\"alg\":\"RS256\",\"typ\":\"JWT\"}", payload);
        byte[] caller = given().header("Authorization", "Bearer " + token)
                .get("/test/probe-effects/caller").then().statusCode(200).extract().asByteArray();
        assertEquals("B102 " + subject + " BANK", new String(caller, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void aRememberedTokenGivesEachRequestItsOwnIdentity() {
        String token = "Bearer " + TestTokens.token("bank", "B102", "identity-check");
        for (String marker : new String[]{"first=1", "second=2", "third=3"}) {
            given().header("Authorization", token).get(PATH + "/identity?" + marker)
                    .then().statusCode(200).body(equalTo(marker));
        }
    }

    @Test
    void aRememberedTokenActsAsItsOwnCallerNeverAsAnotherTokens() {
        String first = "Bearer " + TestTokens.token("bank", "B102", "teller-one");
        String second = "Bearer " + TestTokens.token("auditor", "AUD01", "auditor-two");
        for (int round = 0; round < 3; round++) {
            given().header("Authorization", first).get(PATH + "/caller").then().statusCode(200)
                    .body(equalTo("B102 teller-one BANK"));
            given().header("Authorization", second).get(PATH + "/caller").then().statusCode(200)
                    .body(equalTo("AUD01 auditor-two AUDITOR"));
        }
    }

    @Test
    void cacheHitsAndMissesAreMetrics() {
        String token = "Bearer " + TestTokens.token("bank", "B102", "metrics-check");
        given().header("Authorization", token).get(PATH + "/identity?m=1").then().statusCode(200);
        given().header("Authorization", token).get(PATH + "/identity?m=2").then().statusCode(200);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(Arrays.stream(metrics.split("\n")).anyMatch(line ->
                line.startsWith("cache_gets_total{") && line.contains("cache=\"verified-tokens\"") && line.contains("result=\"hit\"")
                        && !line.endsWith(" 0.0")), "hits are counted");
        assertTrue(metrics.contains("cache_gets_total{cache=\"verified-tokens\",result=\"miss\""), "misses are counted");
    }

    // ---------- helpers ----------

    private static String signed(String roleAndParticipant, long issuedAt, long lifetimeSeconds) {
        String payload = "{\"iss\":\"" + LocalTokens.ISSUER + "\",\"aud\":\"" + TestTokens.audience() + "\",\"sub\":\"op-"
                + UUID.randomUUID() + "\"," + roleAndParticipant + ",\"iat\":" + issuedAt + ",\"exp\":"
                + (issuedAt + lifetimeSeconds) + "}";
        return LocalTokens.sign(TestTokens.signingKey(), "{\"alg\":\"RS256\",\"typ\":\"JWT\"}", payload);
    }

    private void assertUnauthenticatedEverywhere(String token) {
        long before = effects();
        for (int attempt = 0; attempt < 2; attempt++) {
            given().header("Authorization", token).get("/v1/audit-chain/verification")
                    .then().statusCode(401).contentType("application/problem+json")
                    .body("type", equalTo("https://fraudshield.io/problems/unauthenticated"));
            given().header("Authorization", token).header("Idempotency-Key", UUID.randomUUID().toString())
                    .contentType(ContentType.JSON).body(VALID).post(PATH)
                    .then().statusCode(401).body("type", containsString("unauthenticated"));
        }
        assertEquals(before, effects());
    }

    private io.restassured.response.Response assertRefused(String body, int status) {
        long before = effects();
        io.restassured.response.Response response = post(body);
        response.then().statusCode(status).contentType("application/problem+json");
        assertEquals(before, effects(), "a refused request writes nothing");
        return response;
    }

    private static io.restassured.response.Response post(String body) {
        return given().header("Authorization", BANK).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(body).post(PATH);
    }

    private static int port() {
        return RestAssured.port;
    }

    private long effects() {
        return TestSql.number(dataSource, "select count(*) from probe_effect");
    }
}
