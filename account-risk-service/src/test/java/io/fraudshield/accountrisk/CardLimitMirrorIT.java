package io.fraudshield.accountrisk;

import com.sun.net.httpserver.HttpServer;
import io.fraudshield.localstack.LocalKeys;
import io.fraudshield.localstack.LocalPostgres;
import io.fraudshield.localstack.LocalTokens;
import io.fraudshield.localstack.PackagedReplica;
import io.fraudshield.localstack.TestPeople;
import io.fraudshield.localstack.TestStores;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The two packaged services together (production profile, configured only through the environment): a person
 * listed in account-risk-service is refused at card-limit-service's next opening once its restriction mirror has
 * read the change feed — with no person-restrictions look-up (docs/card-limit.md "Person restrictions"). Lives here
 * because the reactor packages card-limit-service before this module.
 */
class CardLimitMirrorIT {

    private static final Path KEYS = Path.of("target", "it-keys");
    private static final Path CARD_LIMIT_JAR = Path.of("..", "card-limit-service", "target", "quarkus-app", "quarkus-run.jar");
    private static final List<Process> PROCESSES = new ArrayList<>();
    private static HttpServer identityProvider;
    private static int accountRisk;
    private static int cardLimit;
    /** card-limit's management interface (the packaged app serves health and metrics there, not on the API port) */
    private static int cardLimitManagement;

    @BeforeAll
    static void startBothServices() throws Exception {
        assumeTrue(Files.exists(CARD_LIMIT_JAR), "card-limit-service is packaged first in a reactor build");
        LocalPostgres postgres = TestStores.get().postgres();
        Path publicKey = LocalKeys.publicKeyFile(KEYS);
        identityProvider = identityProvider();

        accountRisk = PackagedReplica.freePort();
        LocalPostgres.DatabaseRoles riskRoles = postgres.ensureDatabase("accountrisk_mirror_it");
        ProcessBuilder risk = replica(Path.of("target", "quarkus-app", "quarkus-run.jar"), "it-mirror-account-risk.log",
                "-Daccountrisk.punishment.agencies.GA3301=CITY");
        // prod migrates in a separate init step (docs/audit.md); here each replica migrates at start. Both services get
        // the same pseudonym key, so their customerRefs join
        Map<String, String> env = PackagedReplica.migratingEnvironment(risk.environment(), accountRisk,
                postgres.jdbcUrl("accountrisk_mirror_it"), riskRoles, "account-risk-service", publicKey);
        env.put("REDIS_URL", TestStores.get().redis().uri());
        start(risk, "it-mirror-account-risk.log");

        cardLimit = PackagedReplica.freePort();
        LocalPostgres.DatabaseRoles limitRoles = postgres.ensureDatabase("cardlimit_mirror_it");
        ProcessBuilder limit = replica(CARD_LIMIT_JAR, "it-mirror-card-limit.log");
        env = PackagedReplica.migratingEnvironment(limit.environment(), cardLimit, postgres.jdbcUrl("cardlimit_mirror_it"),
                limitRoles, "card-limit-service", publicKey);
        env.put("ACCOUNT_RISK_URL", "http://127.0.0.1:" + accountRisk);
        env.put("SERVICE_TOKEN_ENDPOINT", "http://127.0.0.1:" + identityProvider.getAddress().getPort() + "/idp/token");
        env.put("SERVICE_CLIENT_ID", "card-limit-service");
        env.put("SERVICE_CLIENT_SECRET", "it-client-secret");
        // a loaded 2-core machine must not make the mirror stale between two polls: this test is about no look-up
        env.put("CARDLIMIT_RESTRICTION_MIRROR_FRESHNESS", "PT10S");
        cardLimitManagement = start(limit, "it-mirror-card-limit.log");
    }

    @AfterAll
    static void stop() {
        PROCESSES.forEach(Process::destroy);
        if (identityProvider != null) {
            identityProvider.stop(0);
        }
    }

    @Test
    void aPersonListedInAccountRiskIsRefusedAtTheNextOpeningFromTheMirrorWithoutALookUp() throws InterruptedException {
        awaitMirrorAnswering();
        String person = TestPeople.residentId();
        assertEquals("ALLOW", opening(person));
        double askedBefore = metric("fraudshield_restriction_lookups_total\\{[^}]*answered_by=\"account-risk\"");
        double mirroredBefore = metric("fraudshield_restriction_lookups_total\\{[^}]*answered_by=\"mirror\"");

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        as("account-risk-service", "police", "GA3301").port(accountRisk).header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"person\":" + TestPeople.document(person) + ",\"ground\":\"CERTIFIED\",\"decidedOn\":\""
                        + today.minusDays(1) + "\",\"reasonCode\":\"SOLD_ACCOUNTS\",\"caseRef\":\"GA-IT-1\",\"statedCount\":4,"
                        + "\"noticeBasis\":\"Anti-Telecom Fraud Law art. 31\"}")
                .post("/v1/restriction-listings").then().statusCode(201);

        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        String decision = opening(person);
        while (!"DENY".equals(decision) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            decision = opening(person);
        }
        assertEquals("DENY", decision, "refused once the mirror read the listing");
        assertEquals(askedBefore, metric("fraudshield_restriction_lookups_total\\{[^}]*answered_by=\"account-risk\""),
                "no person-restrictions look-up: every answer came from the mirror");
        assertTrue(metric("fraudshield_restriction_lookups_total\\{[^}]*answered_by=\"mirror\"") > mirroredBefore);
    }

    private static String opening(String person) {
        return as("card-limit-service", "bank", "B102").port(cardLimit)
                .body("{\"customer\":" + TestPeople.document(person)
                        + ",\"accountClass\":\"CLASS_II\",\"card\":\"DEBIT_CARD\",\"channel\":\"COUNTER\"}")
                .post("/v1/opening-checks").then().statusCode(200).extract().path("decision");
    }

    /** Until the mirror has caught up, openings are asked about; then they are answered from it. */
    private static void awaitMirrorAnswering() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (metric("fraudshield_restriction_lookups_total\\{[^}]*answered_by=\"mirror\"") == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the mirror never answered; see target/it-mirror-card-limit.log");
            }
            assertEquals("ALLOW", opening(TestPeople.residentId()));
            Thread.sleep(200);
        }
    }

    /** The value of the first sample whose name and labels match, 0 when there is none yet. */
    private static double metric(String sample) {
        String text = given().port(cardLimitManagement).get("/q/metrics").then().statusCode(200).extract().asString();
        // the value follows the labels; an exemplar (# {trace_id=…} value timestamp) may follow it
        Matcher matcher = Pattern.compile("(?m)^" + sample + "[^ ]* (\\S+)").matcher(text);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private static RequestSpecification as(String audience, String role, String participant) {
        return given().contentType("application/json").header("Authorization", "Bearer " + LocalTokens.mint(
                LocalKeys.loadOrCreate(KEYS).getPrivate(), audience, role, participant, "it-" + role, Duration.ofMinutes(5)));
    }

    /** The identity provider's client-credentials endpoint: card-limit-service's token for account-risk-service. */
    private static HttpServer identityProvider() throws java.io.IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/idp/token", exchange -> {
            String token = LocalTokens.mint(LocalKeys.loadOrCreate(KEYS).getPrivate(), "account-risk-service", "service",
                    "CARDLIMIT", "card-limit-service", Duration.ofMinutes(5));
            byte[] body = ("{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":300}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static ProcessBuilder replica(Path jar, String log, String... properties) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(properties));
        command.addAll(List.of("-jar", jar.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(Path.of("target", log).toFile());
    }

    /** @return the replica's management port */
    private static int start(ProcessBuilder builder, String log) throws Exception {
        int management = PackagedReplica.managementPort(builder.environment());
        Process process = builder.start();
        PROCESSES.add(process);
        PackagedReplica.awaitReady(process, management, Path.of("target", log));
        return management;
    }
}
