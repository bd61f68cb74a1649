package io.fraudshield.accountrisk;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.fraudshield.accountrisk.client.ApiClient;
import io.fraudshield.accountrisk.client.ApiException;
import io.fraudshield.accountrisk.client.api.AuditApi;
import io.fraudshield.accountrisk.client.model.Problem;
import io.fraudshield.localstack.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An integrator's view: only a client generated in the build from api-specs/account-risk-service.yaml. */
@QuarkusTest
class ContractClientTest {

    @TestHTTPResource("/")
    URI base;

    private ApiClient client(String authorization) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(base.toString().replaceFirst("/$", ""));
        if (authorization != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", authorization));
        }
        return client;
    }

    @Test
    void anAuditorVerifiesTheAuditChainThroughTheGeneratedClient() throws ApiException {
        assertTrue(new AuditApi(client(TestTokens.bearer("auditor", "AUD01"))).verifyAuditChain().getIntact());
    }

    @Test
    void aBankIsRefusedWithAProblemAndNoTokenIsUnauthenticated() throws JsonProcessingException {
        ApiClient bank = client(TestTokens.bearer("bank", "B102"));
        ApiException forbidden = assertThrows(ApiException.class, () -> new AuditApi(bank).verifyAuditChain());
        assertEquals(403, forbidden.getCode());
        Problem problem = bank.getObjectMapper().readValue(forbidden.getResponseBody(), Problem.class);
        assertEquals(URI.create("https://fraudshield.io/problems/forbidden"), problem.getType());

        ApiException anonymous = assertThrows(ApiException.class, () -> new AuditApi(client(null)).verifyAuditChain());
        assertEquals(401, anonymous.getCode());
        assertEquals("application/problem+json", anonymous.getResponseHeaders().firstValue("Content-Type").orElseThrow());
    }
}
