package io.fraudshield.cardlimit;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.fraudshield.cardlimit.client.ApiClient;
import io.fraudshield.cardlimit.client.ApiException;
import io.fraudshield.cardlimit.client.ApiResponse;
import io.fraudshield.cardlimit.client.api.CardsApi;
import io.fraudshield.cardlimit.client.api.SlotReservationsApi;
import io.fraudshield.cardlimit.client.model.AccountClass;
import io.fraudshield.cardlimit.client.model.CardCategory;
import io.fraudshield.cardlimit.client.model.CardView;
import io.fraudshield.cardlimit.client.model.Channel;
import io.fraudshield.cardlimit.client.model.ConfirmationRequest;
import io.fraudshield.cardlimit.client.model.DocumentType;
import io.fraudshield.cardlimit.client.model.OpeningRequest;
import io.fraudshield.cardlimit.client.model.Outcome;
import io.fraudshield.cardlimit.client.model.PersonDocument;
import io.fraudshield.cardlimit.client.model.Problem;
import io.fraudshield.cardlimit.client.model.ReservationView;
import io.fraudshield.cardlimit.client.model.SlotState;
import io.fraudshield.localstack.TestPeople;
import io.fraudshield.localstack.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bank integrator's view: a client generated in the build from api-specs/card-limit-service.yaml, nothing
 * else. If the published contract and the service disagree (a status, a header, a field's type), this fails.
 */
@QuarkusTest
class ContractClientTest {

    @TestHTTPResource("/")
    URI base;

    private ApiClient bank(String code) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(base.toString().replaceFirst("/$", ""));
        client.setRequestInterceptor(request -> request.header("Authorization", TestTokens.bearer("bank", code)));
        return client;
    }

    private static OpeningRequest debitCard(String residentId) {
        return new OpeningRequest().customer(new PersonDocument().type(DocumentType.RESIDENT_ID).number(residentId))
                .accountClass(AccountClass.CLASS_II).card(CardCategory.DEBIT_CARD).channel(Channel.COUNTER);
    }

    @Test
    void aBankReservesAndConfirmsASlotThroughTheGeneratedClient() throws ApiException {
        SlotReservationsApi reservations = new SlotReservationsApi(bank("B401"));
        ApiResponse<ReservationView> held = reservations.reserveSlotWithHttpInfo(UUID.randomUUID().toString(),
                debitCard(TestPeople.residentId()));
        assertEquals(201, held.getStatusCode());
        assertEquals(Outcome.ALLOW, held.getData().getDecision());
        assertEquals(SlotState.HELD, held.getData().getState());
        UUID id = held.getData().getId();
        assertEquals("/v1/slot-reservations/" + id, URI.create(held.getHeaders().get("Location").get(0)).getPath());
        assertEquals(id, reservations.getReservation(id).getId());

        String cardNumber = TestPeople.cardNumber();
        String key = UUID.randomUUID().toString();
        ApiResponse<CardView> confirmed = reservations.confirmReservationWithHttpInfo(id, key,
                new ConfirmationRequest().cardNumber(cardNumber));
        assertEquals(200, confirmed.getStatusCode());
        assertEquals(SlotState.ACTIVE, confirmed.getData().getState());
        assertTrue(confirmed.getData().getMaskedCard().endsWith(cardNumber.substring(cardNumber.length() - 4)));
        assertFalse(confirmed.getData().getMaskedCard().contains(cardNumber));
        assertEquals("/v1/cards/" + id, URI.create(confirmed.getHeaders().get("Location").get(0)).getPath());
        assertFalse(confirmed.getHeaders().containsKey("Idempotent-Replayed"));

        ApiResponse<CardView> replayed = reservations.confirmReservationWithHttpInfo(id, key,
                new ConfirmationRequest().cardNumber(cardNumber));
        assertEquals(200, replayed.getStatusCode());
        assertEquals("true", replayed.getHeaders().get("Idempotent-Replayed").get(0));
        assertEquals(confirmed.getData(), replayed.getData());
        assertEquals(confirmed.getData(), new CardsApi(bank("B401")).getCard(id));
    }

    @Test
    void badInputAnswersAProblemTheGeneratedClientReads() throws JsonProcessingException {
        ApiClient client = bank("B402");
        SlotReservationsApi reservations = new SlotReservationsApi(client);

        ApiException invalid = assertThrows(ApiException.class, () -> reservations.reserveSlot(
                UUID.randomUUID().toString(), debitCard("110105194912310021")));   // wrong check digit
        assertEquals(400, invalid.getCode());
        assertEquals("application/problem+json", invalid.getResponseHeaders().firstValue("Content-Type").orElseThrow());
        Problem problem = client.getObjectMapper().readValue(invalid.getResponseBody(), Problem.class);
        assertEquals(URI.create("https://fraudshield.io/problems/validation"), problem.getType());
        assertEquals(400, problem.getStatus());
        assertEquals("customer", problem.getErrors().get(0).getField());
        assertFalse(invalid.getResponseBody().contains("110105194912310021"), "rejected values are never echoed");

        ApiException otherBanks = assertThrows(ApiException.class, () -> reservations.getReservation(UUID.randomUUID()));
        assertEquals(404, otherBanks.getCode());
        assertEquals(URI.create("https://fraudshield.io/problems/not-found"),
                client.getObjectMapper().readValue(otherBanks.getResponseBody(), Problem.class).getType());

        // the contract marks Idempotency-Key required, so the generated client refuses to send without it
        ApiException noKey = assertThrows(ApiException.class, () -> reservations.reserveSlot(null,
                debitCard(TestPeople.residentId())));
        assertTrue(noKey.getMessage().contains("idempotencyKey"), noKey.getMessage());
    }

    @Test
    void theGeneratedClientIgnoresFieldsAndEnumValuesAddedLater() throws JsonProcessingException {
        CardView later = bank("B403").getObjectMapper().readValue("""
                {"id":"0b7e4c1a-9d57-4f3e-8a21-6c5d4e3f2a10","state":"SUSPENDED","accountClass":"CLASS_II",
                 "riskScore":12,"maskedCard":"622202******7894"}""", CardView.class);
        assertEquals(SlotState.UNKNOWN_DEFAULT_OPEN_API, later.getState());
        assertEquals("622202******7894", later.getMaskedCard());
    }
}
