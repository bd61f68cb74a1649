package io.fraudshield.stoppayment;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.fraudshield.stoppayment.client.ApiClient;
import io.fraudshield.stoppayment.client.ApiException;
import io.fraudshield.stoppayment.client.api.AuditApi;
import io.fraudshield.stoppayment.client.api.DeliveryApi;
import io.fraudshield.stoppayment.client.api.FeedbackApi;
import io.fraudshield.stoppayment.client.api.MoneyTrailApi;
import io.fraudshield.stoppayment.client.api.OrdersApi;
import io.fraudshield.stoppayment.client.api.ParticipantsApi;
import io.fraudshield.stoppayment.client.model.FeedbackRequest;
import io.fraudshield.stoppayment.client.model.FeedbackStatus;
import io.fraudshield.stoppayment.client.model.FundFlowView;
import io.fraudshield.stoppayment.client.model.LegalDocument;
import io.fraudshield.stoppayment.client.model.MatchingTransaction;
import io.fraudshield.stoppayment.client.model.OrderKind;
import io.fraudshield.stoppayment.client.model.OrderView;
import io.fraudshield.stoppayment.client.model.ParticipantKind;
import io.fraudshield.stoppayment.client.model.ParticipantRequest;
import io.fraudshield.stoppayment.client.model.SubmitOrderRequest;
import io.fraudshield.stoppayment.client.model.Problem;
import io.fraudshield.localstack.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.UUID;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An integrator's view: only a client generated in the build from api-specs/stop-payment-service.yaml. */
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

    @Test
    void aStopTravelsFromPoliceToBankAndBackThroughTheGeneratedClient() throws ApiException {
        String bank = Actor.freshCode("B");
        new ParticipantsApi(client(TestTokens.bearer("admin", "ADM01"))).registerParticipant(bank, UUID.randomUUID().toString(),
                new ParticipantRequest().kind(ParticipantKind.BANK).name("Generated-client bank"));
        ApiClient police = client("Bearer " + TestTokens.token("police", "PSBGEN", "officer-gen"));
        String caseNumber = "GEN-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        OrderView issued = new OrdersApi(police).submitOrder(UUID.randomUUID().toString(), new SubmitOrderRequest()
                .kind(OrderKind.STOP_PAYMENT).caseNumber(caseNumber).approvingOfficer("chief-01").target(bank)
                .legalDocument(new LegalDocument().number("GEN-1").issuingAuthority("Generated PSB").sha256("ab".repeat(32)))
                .holderName("Gen Holder").accountNumber("6217000010012345671").amount("700.00")
                .transaction(new MatchingTransaction().time(OffsetDateTime.parse("2026-11-28T09:14:05Z")).amount("700.00")));

        ApiClient bankClient = client(TestTokens.bearer("bank", bank));
        assertEquals("6217000010012345671", new DeliveryApi(bankClient).readInbox(null, 50).getItems().get(0)
                .getDocument().getAccountNumber());
        OrderView answered = new FeedbackApi(bankClient).answerOrder(issued.getId(), UUID.randomUUID().toString(),
                new FeedbackRequest().status(FeedbackStatus.EXECUTED).stoppedAmount("700.00").effectiveAt(OffsetDateTime.now()));
        assertEquals("700.00", answered.getStoppedAmount());
        FundFlowView flow = new MoneyTrailApi(police).getFundFlow(caseNumber);
        assertEquals("0.00", flow.getTotals().getMissing());
    }
}
