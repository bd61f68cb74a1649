package io.fraudshield.stoppayment;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.fraudshield.localstack.LocalKeys;
import io.fraudshield.localstack.LocalPostgres;
import io.fraudshield.localstack.LocalTokens;
import io.fraudshield.localstack.PackagedReplica;
import io.fraudshield.localstack.TestStores;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two replicas of the packaged service (production profile, configured only through the environment) on one
 * PostgreSQL, both relaying the one outbox: orders accepted through either reach the bank's webhook exactly once
 * each — no event lost, none delivered by both replicas.
 */
class TwoInstancesIT {

    private static final Path KEYS = Path.of("target", "it-keys");
    private static final String TOKEN_PATH = "/idp/token";
    private static final String BANK = Actor.freshCode("B");
    private static final String BIN = String.format("97%04d", System.nanoTime() % 10_000);
    private static final String SECRET = "whsec-two-instances-secret-of-the-bank-01";
    private static final Pattern ORDER_ID = Pattern.compile("\"order\":\\{\"id\":\"([0-9a-f-]{36})\"");
    private static final List<Process> INSTANCES = new ArrayList<>();
    private static final List<Integer> PORTS = new ArrayList<>();
    private static WireMockServer stubs;
    private static WebhookReceiver bank;

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        LocalPostgres postgres = TestStores.get().postgres();
        LocalPostgres.DatabaseRoles roles = postgres.ensureDatabase("stoppayment_it");
        bank = WebhookReceiver.started();
        // the identity provider's token endpoint and account-risk-service's marker endpoints
        stubs = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        stubs.start();
        String serviceToken = LocalTokens.mint(LocalKeys.loadOrCreate(KEYS).getPrivate(), "account-risk-service",
                "service", "STOPPAYMENT", "stop-payment-service", Duration.ofMinutes(30));
        stubs.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"access_token\":\"" + serviceToken
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":1800}")));
        stubs.stubFor(any(urlPathMatching("/v1/.*")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"" + UUID.randomUUID() + "\"}")));
        Path publicKey = LocalKeys.publicKeyFile(KEYS);
        for (int i = 0; i < 2; i++) {
            int port = PackagedReplica.freePort();
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", "target/quarkus-app/quarkus-run.jar")
                    .redirectErrorStream(true).redirectOutput(Path.of("target", "it-instance-" + i + ".log").toFile());
            Map<String, String> env = builder.environment();
            // prod migrates in a separate init step (docs/audit.md); here each replica may migrate, Flyway serialises them
            PackagedReplica.migratingEnvironment(env, port, postgres.jdbcUrl("stoppayment_it"), roles, "stop-payment-service",
                    publicKey);
            env.put("SERVICE_TOKEN_ENDPOINT", stubs.baseUrl() + TOKEN_PATH);
            env.put("SERVICE_CLIENT_ID", "stop-payment-service");
            env.put("SERVICE_CLIENT_SECRET", "it-client-secret");
            env.put("SEALING_ACTIVE_KEY_ID", "it1");
            env.put("STOPPAYMENT_SEALING_KEYS_IT1", "aW50ZWdyYXRpb24tc2VhbGluZy1rZXktbm90LWEtczE=");
            // the test's bank listens on plain http on this machine
            env.put("STOPPAYMENT_WEBHOOKS_ALLOW_PLAIN_HTTP", "true");
            env.put("ACCOUNT_RISK_URL", stubs.baseUrl());
            int management = PackagedReplica.managementPort(env);
            INSTANCES.add(builder.start());
            PORTS.add(port);
            PackagedReplica.awaitReady(INSTANCES.get(i), management, Path.of("target", "it-instance-" + i + ".log"));
        }
        // registered through one replica, its signing secret through the other
        as(PORTS.get(0), "admin", "ADM01").body(Bodies.participant("BANK", bank.url(), BIN))
                .put("/v1/participants/" + BANK).then().statusCode(201);
        as(PORTS.get(1), "admin", "ADM01").body(Bodies.secret(SECRET))
                .post("/v1/participants/" + BANK + "/signing-secrets").then().statusCode(200);
    }

    @AfterAll
    static void stop() {
        INSTANCES.forEach(Process::destroy);
        if (stubs != null) {
            stubs.stop();
        }
        if (bank != null) {
            bank.stop();
        }
    }

    @Test
    void ordersAcceptedThroughBothReplicasReachTheBankExactlyOnceEach() throws Exception {
        int orders = 40;
        ExecutorService pool = Executors.newFixedThreadPool(orders);
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> ids = new ArrayList<>();
            for (int i = 0; i < orders; i++) {
                int port = PORTS.get(i % 2);
                String account = BIN + String.format("%012d", i + 1);
                ids.add(pool.submit(() -> {
                    start.await();
                    return as(port, "police", "GA3301").body(Bodies.stop("GA-2I-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
                            BANK, account, "Two Instances", "100.00")).post("/v1/orders")
                            .then().statusCode(201).extract().<String>path("id");
                }));
            }
            start.countDown();
            for (Future<String> id : ids) {
                accepted.add(id.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(orders, accepted.size());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && !issuedByOrder().keySet().containsAll(accepted)) {
            Thread.sleep(100);
        }
        Thread.sleep(3_000); // a second delivery of any event, by the other replica, would arrive in this time
        Map<String, Integer> byOrder = issuedByOrder();
        for (String id : accepted) {
            assertEquals(1, byOrder.get(id), "order.issued of " + id);
        }
        Map<String, Integer> byEvent = new HashMap<>();
        bank.received().forEach(r -> byEvent.merge(r.getHeader("Webhook-Id"), 1, Integer::sum));
        assertTrue(byEvent.values().stream().allMatch(n -> n == 1), "every Webhook-Id delivered once: " + byEvent);
        assertTrue(bank.received().stream().allMatch(r -> WebhookReceiver.signedWith(r, SECRET)));
    }

    private static Map<String, Integer> issuedByOrder() {
        Map<String, Integer> byOrder = new HashMap<>();
        for (LoggedRequest request : bank.received()) {
            String body = request.getBodyAsString();
            Matcher order = ORDER_ID.matcher(body);
            if (body.contains("\"type\":\"order.issued\"") && order.find()) {
                byOrder.merge(order.group(1), 1, Integer::sum);
            }
        }
        return byOrder;
    }

    private static RequestSpecification as(int port, String role, String participant) {
        return given().port(port).contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Authorization", "Bearer " + LocalTokens.mint(LocalKeys.loadOrCreate(KEYS).getPrivate(),
                        "stop-payment-service", role, participant, "it-" + role, Duration.ofMinutes(5)));
    }

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }
}
