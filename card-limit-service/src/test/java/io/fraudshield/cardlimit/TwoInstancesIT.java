package io.fraudshield.cardlimit;

import io.fraudshield.localstack.TestPeople;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.fraudshield.localstack.LocalKeys;
import io.fraudshield.localstack.LocalPostgres;
import io.fraudshield.localstack.LocalTokens;
import io.fraudshield.localstack.PackagedReplica;
import io.fraudshield.localstack.TestStores;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two replicas of the packaged service (production profile, configured only through the environment) on
 * one PostgreSQL: 64 concurrent reservations for one customer, split between them, get exactly the free slots.
 */
class TwoInstancesIT {

    private static final Path KEYS = Path.of("target", "it-keys");
    private static final List<Process> INSTANCES = new ArrayList<>();
    private static final List<Integer> PORTS = new ArrayList<>();
    private static final List<Integer> MANAGEMENT_PORTS = new ArrayList<>();
    private static WireMockServer accountRisk;
    private static final String TOKEN_PATH = "/idp/token";
    private static final String SERVICE_TOKEN = LocalTokens.mint(LocalKeys.loadOrCreate(KEYS).getPrivate(),
            "account-risk-service", "service", "CARDLIMIT", "card-limit-service", Duration.ofMinutes(5));

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        LocalPostgres postgres = TestStores.get().postgres();
        LocalPostgres.DatabaseRoles roles = postgres.ensureDatabase("cardlimit_it");
        accountRisk = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").containerThreads(100));
        accountRisk.start();
        accountRisk.stubFor(get(urlPathMatching("/v1/person-restrictions/.*")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"restricted\":false}")));
        // the identity provider's token endpoint: client credentials in, a service token for the asked audience out
        accountRisk.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"access_token\":\"" + SERVICE_TOKEN
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
        Path publicKey = LocalKeys.publicKeyFile(KEYS);
        // as the Deployment's migrate init container: the same jar, init-and-exit, the only one with the owner's password
        ProcessBuilder migrate = packaged("it-migrate.log");
        environment(migrate.environment(), postgres, roles, publicKey, PackagedReplica.freePort());
        migrate.environment().put("QUARKUS_INIT_AND_EXIT", "true");
        migrate.environment().put("DB_MIGRATE", "true");
        migrate.environment().put("DB_OWNER_USER", roles.owner());
        migrate.environment().put("DB_OWNER_PASSWORD", roles.owner());
        // nor does it need the audit or pseudonym keys (k8s gives it neither)
        migrate.environment().remove("FRAUDSHIELD_AUDIT_KEYS_IT1");
        migrate.environment().remove("FRAUDSHIELD_PSEUDONYM_KEYS_IT1");
        Process migration = migrate.start();
        assertTrue(migration.waitFor(120, TimeUnit.SECONDS), "the migrate step exits");
        assertEquals(0, migration.exitValue(), "the migrate step succeeds; see target/it-migrate.log");
        for (int i = 0; i < 2; i++) {
            int port = PackagedReplica.freePort();
            // the service containers: runtime role only, no migration at start
            ProcessBuilder builder = packaged("it-instance-" + i + ".log");
            environment(builder.environment(), postgres, roles, publicKey, port);
            int management = PackagedReplica.managementPort(builder.environment());
            INSTANCES.add(builder.start());
            PORTS.add(port);
            MANAGEMENT_PORTS.add(management);
            PackagedReplica.awaitReady(INSTANCES.get(i), management, Path.of("target", "it-instance-" + i + ".log"));
            for (int warmUp = 0; warmUp < 20; warmUp++) {
                given().port(port).header("Authorization", bearer()).contentType("application/json")
                        .body(BankClient.opening(TestPeople.residentId(), "CLASS_II", "DEBIT_CARD", "COUNTER", null, null))
                        .post("/v1/opening-checks").then().statusCode(200);
            }
        }
    }

    private static ProcessBuilder packaged(String log) {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // 64 requests at once on 2 cores: give the restriction look-up more than its production 300 ms
                "-Dio.fraudshield.cardlimit.restriction.RemoteRestrictions/statusOf/Timeout/value=3000",
                "-Dquarkus.rest-client.account-risk.read-timeout=3000",
                "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true).redirectOutput(Path.of("target", log).toFile());
    }

    private static void environment(Map<String, String> env, LocalPostgres postgres, LocalPostgres.DatabaseRoles roles,
                                    Path publicKey, int port) {
        PackagedReplica.environment(env, port, postgres.jdbcUrl("cardlimit_it"), roles, "card-limit-service", publicKey);
        env.put("SERVICE_TOKEN_ENDPOINT", accountRisk.baseUrl() + TOKEN_PATH);
        env.put("SERVICE_CLIENT_ID", "card-limit-service");
        env.put("SERVICE_CLIENT_SECRET", "it-client-secret");
        env.put("ACCOUNT_RISK_URL", accountRisk.baseUrl());
    }

    @AfterAll
    static void stop() {
        INSTANCES.forEach(Process::destroy);
        if (accountRisk != null) {
            accountRisk.stop();
        }
    }

    @Test
    void healthAndMetricsAreServedOnTheManagementInterfaceNeverOnTheApiPort() {
        given().port(MANAGEMENT_PORTS.get(0)).get("/q/health/ready").then().statusCode(200);
        given().port(MANAGEMENT_PORTS.get(0)).get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("http_server_requests_seconds_bucket"));
        given().port(PORTS.get(0)).get("/q/health/ready").then().statusCode(404);
        given().port(PORTS.get(0)).get("/q/metrics").then().statusCode(404);
    }

    @Test
    void eachReplicaAsksTheIdentityProviderForAnAccountRiskTokenAndSendsItInsteadOfTheBanks() {
        List<LoggedRequest> tokenRequests = accountRisk.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        assertTrue(tokenRequests.size() >= 2, "one per replica at least");
        for (LoggedRequest request : tokenRequests) {
            String form = request.getBodyAsString();
            assertTrue(form.contains("grant_type=client_credentials"), form);
            assertTrue(form.contains("audience=account-risk-service"), form);
        }
        assertTrue(tokenRequests.size() < 20, "renewed before expiry, not fetched per call: " + tokenRequests.size());
        List<LoggedRequest> lookups = accountRisk.findAll(getRequestedFor(urlPathMatching("/v1/person-restrictions/.*")));
        assertTrue(lookups.size() >= 40);
        assertTrue(lookups.stream().allMatch(r -> ("Bearer " + SERVICE_TOKEN).equals(r.getHeader("Authorization"))));
    }

    @Test
    void sixtyFourReservationsAcrossTwoReplicasGetExactlyTheFreeSlots() throws Exception {
        for (int alreadyOpen : new int[] {0, 2}) {
            String customer = TestPeople.residentId();
            for (int i = 0; i < alreadyOpen; i++) {
                String id = reserve(PORTS.get(i % 2), customer).then().statusCode(201).extract().path("id");
                given().port(PORTS.get(i % 2)).header("Authorization", bearer())
                        .header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                        .body("{\"cardNumber\":\"" + TestPeople.cardNumber() + "\"}")
                        .post("/v1/slot-reservations/" + id + "/confirmation").then().statusCode(200);
            }
            ExecutorService pool = Executors.newFixedThreadPool(64);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Response>> futures = new ArrayList<>();
                for (int i = 0; i < 64; i++) {
                    int port = PORTS.get(i % 2);
                    Callable<Response> call = () -> {
                        start.await();
                        return reserve(port, customer);
                    };
                    futures.add(pool.submit(call));
                }
                start.countDown();
                int granted = 0;
                int denied = 0;
                for (Future<Response> future : futures) {
                    Response response = future.get();
                    if (response.statusCode() == 201) {
                        granted++;
                    } else if (response.statusCode() == 200 && "DENY".equals(response.path("decision"))) {
                        denied++;
                    }
                }
                assertEquals(4 - alreadyOpen, granted, "granted with " + alreadyOpen + " open");
                assertEquals(64 - granted, denied);
            } finally {
                pool.shutdown();
            }
        }
    }

    private static Response reserve(int port, String customer) {
        return given().port(port).header("Authorization", bearer())
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                .body(BankClient.opening(customer, "CLASS_II", "DEBIT_CARD", "COUNTER", null, null)).post("/v1/slot-reservations");
    }

    private static String bearer() {
        return "Bearer " + LocalTokens.mint(LocalKeys.loadOrCreate(KEYS).getPrivate(), "card-limit-service", "bank",
                "B777", "teller", Duration.ofMinutes(5));
    }

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }
}
