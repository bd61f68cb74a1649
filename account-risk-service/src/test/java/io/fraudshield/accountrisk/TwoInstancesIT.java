package io.fraudshield.accountrisk;

import io.fraudshield.accountrisk.ParticipantClient.Account;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two replicas of the packaged service (production profile, configured only through the environment) on one
 * PostgreSQL and one Redis: a marker written through one replica is in the very next answer of the other,
 * although both had the account cached as CLEAR in memory and in Redis.
 */
class TwoInstancesIT {

    private static final Path KEYS = Path.of("target", "it-keys");
    private static final List<Process> INSTANCES = new ArrayList<>();
    private static final List<Integer> PORTS = new ArrayList<>();

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        LocalPostgres postgres = TestStores.get().postgres();
        LocalPostgres.DatabaseRoles roles = postgres.ensureDatabase("accountrisk_it");
        String redis = TestStores.get().redis().uri();
        Path publicKey = LocalKeys.publicKeyFile(KEYS);
        for (int i = 0; i < 2; i++) {
            int port = PackagedReplica.freePort();
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", "target/quarkus-app/quarkus-run.jar")
                    .redirectErrorStream(true).redirectOutput(Path.of("target", "it-instance-" + i + ".log").toFile());
            Map<String, String> env = builder.environment();
            // prod migrates in a separate init step (docs/audit.md); here each replica may migrate, Flyway serialises them
            PackagedReplica.migratingEnvironment(env, port, postgres.jdbcUrl("accountrisk_it"), roles, "account-risk-service",
                    publicKey);
            env.put("REDIS_URL", redis);
            int management = PackagedReplica.managementPort(env);
            INSTANCES.add(builder.start());
            PORTS.add(port);
            PackagedReplica.awaitReady(INSTANCES.get(i), management, Path.of("target", "it-instance-" + i + ".log"));
        }
    }

    @AfterAll
    static void stop() {
        INSTANCES.forEach(Process::destroy);
    }

    @Test
    void aMarkerWrittenThroughOneReplicaIsInTheNextAnswerOfTheOther() {
        for (int round = 0; round < 20; round++) {
            int writer = PORTS.get(round % 2);
            int reader = PORTS.get((round + 1) % 2);
            Account account = Account.fresh();
            for (int port : PORTS) {
                assertEquals("CLEAR", status(port, account), "warm-up: cached CLEAR on both replicas and in Redis");
            }
            as(writer, "police", "GA3301").header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(ParticipantClient.accountMarker(account, "HIGH_RISK", "GREY", ""))
                    .post("/v1/account-markers").then().statusCode(201);
            assertEquals("GREY", status(reader, account), "round " + round);
        }
    }

    private static String status(int port, Account account) {
        return as(port, "payment-institution", "PAY001").body(ParticipantClient.statusQuery(List.of(account)))
                .post("/v1/account-status-queries").then().statusCode(200).extract().path("results[0].status");
    }

    private static RequestSpecification as(int port, String role, String participant) {
        return given().port(port).contentType("application/json").header("Authorization", "Bearer "
                + LocalTokens.mint(LocalKeys.loadOrCreate(KEYS).getPrivate(), "account-risk-service", role, participant, "it-" + role,
                Duration.ofMinutes(5)));
    }

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }
}
