package io.fraudshield.localstack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ContractLintTest {

    private static List<String> lint(String yaml) throws IOException {
        return ContractLint.violations(yaml);
    }

    @Test
    void theContractAsItWasPublishedBeforeIsRefusedForEachRule() throws IOException {
        List<String> violations = lint("""
                paths:
                  /v1/things:
                    post:
                      parameters:
                      - {name: Idempotency-Key, in: header, schema: {type: string}}
                      responses:
                        "200": {description: OK, content: {application/json: {schema: {}}}}
                        "400": {description: Bad Request}
                        "429": {description: slow down, content: {application/problem+json: {schema: {$ref: "#/components/schemas/Problem"}}}}
                  /v1/queries:
                    post:
                      operationId: query
                      responses:
                        "201": {description: made, content: {application/json: {schema: {type: object}}}}
                """);
        assertEquals(List.of(
                "POST /v1/things: no operationId",
                "POST /v1/things: 200 application/json has an untyped schema",
                "POST /v1/things: 400 is not application/problem+json with the Problem schema",
                "POST /v1/things: 429 documents no Retry-After header",
                "POST /v1/things: Idempotency-Key is not required",
                "POST /v1/queries: 201 documents no Location header",
                "POST /v1/queries: documents no 4xx problem response",
                "POST /v1/queries: a write without an Idempotency-Key header (or x-read-only: true for a query)"),
                violations);
    }

    @Test
    void aContractThatKeepsTheRulesPasses() throws IOException {
        assertEquals(List.of(), lint("""
                components:
                  responses:
                    Problem400:
                      description: bad
                      content: {application/problem+json: {schema: {$ref: "#/components/schemas/Problem"}}}
                paths:
                  /v1/things:
                    post:
                      operationId: makeThing
                      parameters:
                      - {name: Idempotency-Key, in: header, required: true, schema: {type: string}}
                      responses:
                        "201":
                          description: made
                          headers: {Location: {schema: {type: string}}}
                          content: {application/json: {schema: {$ref: "#/components/schemas/Thing"}}}
                        "400": {$ref: "#/components/responses/Problem400"}
                  /v1/queries:
                    post:
                      operationId: query
                      x-read-only: true
                      responses:
                        "200": {description: ok, content: {application/json: {schema: {type: array}}}}
                        "400": {$ref: "#/components/responses/Problem400"}
                    delete:
                      operationId: forget
                      responses:
                        "204": {description: gone}
                        "400": {$ref: "#/components/responses/Problem400"}
                """));
    }
}
