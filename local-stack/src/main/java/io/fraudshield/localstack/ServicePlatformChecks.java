package io.fraudshield.localstack;

import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What every service must offer, checked against the running test app: health probes, Prometheus
 * metrics, problem+json for unknown paths, the audit verification endpoint, an OpenAPI document equal
 * to the committed {@code api-specs/<service>.yaml}, and that document keeping the {@link ContractLint} rules. A service's test extends this with {@code @QuarkusTest}.
 */
public abstract class ServicePlatformChecks {

    /** Run the tests with {@code -Dapi-specs.update=true} to rewrite the committed contract from the code. */
    public static final String UPDATE_PROPERTY = "api-specs.update";

    protected abstract String serviceName();

    @Test
    void healthProbesAreUp() {
        for (String probe : new String[] {"/q/health/live", "/q/health/ready", "/q/health/started"}) {
            given().get(probe).then().statusCode(200).body("status", equalTo("UP"));
        }
    }

    @Test
    void readinessChecksPostgresButNotRedis() {
        given().get("/q/health/ready").then().statusCode(200)
                .body(containsString("Database connections health check"))
                .body(org.hamcrest.Matchers.not(containsString("Redis")));
    }

    @Test
    void prometheusMetricsAreServed() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void unknownPathsAnswerProblemJson() {
        given().get("/v1/no-such-resource").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void auditChainIsVerifiable() {
        given().header("Authorization", TestTokens.bearer("auditor", "AUD01"))
                .get("/v1/audit-chain/verification").then().statusCode(200).body("intact", equalTo(true));
        given().get("/v1/audit-chain/verification").then().statusCode(401);
    }

    @Test
    void publishedOpenApiEqualsTheCommittedContract() throws IOException {
        String published = given().accept("application/yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        Path committed = Path.of("..", "api-specs", serviceName() + ".yaml");
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.createDirectories(committed.getParent());
            Files.writeString(committed, published);
            return;
        }
        if (!Files.exists(committed)) {
            fail(committed + " is missing. Generate it with: " + regenerateCommand());
        }
        assertEquals(Files.readString(committed), published, "api-specs/" + serviceName()
                + ".yaml differs from what the service publishes. If the change is intended, regenerate with: "
                + regenerateCommand());
    }

    /** The published document, which the test above keeps equal to api-specs/: so also the committed file. */
    @Test
    void publishedContractKeepsTheRulesClientsGenerateFrom() throws IOException {
        String published = given().accept("application/yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        assertEquals(List.of(), ContractLint.violations(published), serviceName() + " /q/openapi");
    }

    private String regenerateCommand() {
        return "./mvnw -B -pl " + serviceName() + " -am verify -D" + UPDATE_PROPERTY + "=true";
    }

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }
}
