package io.fraudshield.accountrisk;

import io.fraudshield.accountrisk.client.ApiClient;
import io.fraudshield.accountrisk.client.ApiException;
import io.fraudshield.accountrisk.client.ApiResponse;
import io.fraudshield.accountrisk.client.api.AccountStatusApi;
import io.fraudshield.accountrisk.client.api.MarkersApi;
import io.fraudshield.accountrisk.client.api.PersonRestrictionsApi;
import io.fraudshield.accountrisk.client.model.AccountMarkerRequest;
import io.fraudshield.accountrisk.client.model.AccountQuery;
import io.fraudshield.accountrisk.client.model.AccountStatus;
import io.fraudshield.accountrisk.client.model.AccountStatusView;
import io.fraudshield.accountrisk.client.model.MarkerCategory;
import io.fraudshield.accountrisk.client.model.MarkerLevel;
import io.fraudshield.accountrisk.client.model.MarkerView;
import io.fraudshield.accountrisk.client.model.StatusQueryRequest;
import io.fraudshield.accountrisk.ParticipantClient.Account;
import io.fraudshield.localstack.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A payment platform's and a police agency's view: a client generated in the build from
 * api-specs/account-risk-service.yaml, nothing else. If the contract and the service disagree, this fails.
 */
@QuarkusTest
class ContractClientTest {

    @TestHTTPResource("/")
    URI base;

    private ApiClient as(String role, String participant) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(base.toString().replaceFirst("/$", ""));
        client.setRequestInterceptor(request -> request.header("Authorization", TestTokens.bearer(role, participant)));
        return client;
    }

    @Test
    void policeMarkAnAccountAndAPlatformSeesItGreyThroughTheGeneratedClient() throws ApiException {
        Account account = Account.fresh();
        ApiResponse<MarkerView> marked = new MarkersApi(as("police", "GA3301")).markAccountWithHttpInfo(
                UUID.randomUUID().toString(), new AccountMarkerRequest().bank(account.bank())
                        .accountNumber(account.number()).category(MarkerCategory.HIGH_RISK).level(MarkerLevel.GREY)
                        .reasonCode("POLICE_PUSH").evidenceRef("GA-3301-2026-000125"));
        assertEquals(201, marked.getStatusCode());
        assertTrue(marked.getHeaders().containsKey("location"));

        AccountStatusView answer = new AccountStatusApi(as("payment-institution", "PAY001")).queryAccountStatus(
                new StatusQueryRequest().addAccountsItem(new AccountQuery().bank(account.bank())
                        .accountNumber(account.number()))).getResults().get(0);
        assertEquals(AccountStatus.GREY, answer.getStatus());
        assertEquals(MarkerCategory.HIGH_RISK, answer.getMarkers().get(0).getCategory());
        assertNull(answer.getMarkers().get(0).getEvidenceRef(), "a platform never sees the evidence");
        assertFalse(answer.getAccountNumber().contains(account.number().substring(4, 10)));
    }

    @Test
    void anUnknownPersonIsNotRestrictedAndABadRequestIsAProblem() throws ApiException {
        PersonRestrictionsApi restrictions = new PersonRestrictionsApi(as("service", "CARDLIMIT"));
        assertFalse(restrictions.getPersonRestriction("dev1.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE").getRestricted());
        ApiException refused = assertThrows(ApiException.class, () -> new AccountStatusApi(as("payment-institution", "PAY001"))
                .queryAccountStatus(new StatusQueryRequest().addAccountsItem(new AccountQuery().bank("B102")
                        .accountNumber("1111111111"))));
        assertEquals(400, refused.getCode());
        assertTrue(refused.getResponseBody().contains("https://fraudshield.io/problems/"));
    }
}
