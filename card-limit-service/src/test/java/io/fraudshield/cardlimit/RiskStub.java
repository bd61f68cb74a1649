package io.fraudshield.cardlimit;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/** Changes what the account-risk-service stub answers for one person. */
public final class RiskStub {

    private RiskStub() {
    }

    private static WireMock wireMock() {
        URI url = URI.create(ConfigProvider.getConfig().getValue("quarkus.rest-client.account-risk.url", String.class));
        return new WireMock(url.getHost(), url.getPort());
    }

    public static void restricted(String customerRef) {
        wireMock().register(get(urlPathEqualTo("/v1/person-restrictions/" + customerRef)).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"customerRef\":\"" + customerRef + "\",\"restricted\":true,"
                                + "\"measures\":[\"NO_NEW_ACCOUNTS\",\"NON_COUNTER_SUSPENDED\"],\"futureField\":1}")));
    }

    public static void unreachableFor(String customerRef) {
        wireMock().register(get(urlPathEqualTo("/v1/person-restrictions/" + customerRef)).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    /** A 404, e.g. an account-risk-service without the endpoint: not an answer, so not a clearance. */
    public static void notFoundFor(String customerRef) {
        wireMock().register(get(urlPathEqualTo("/v1/person-restrictions/" + customerRef)).atPriority(1)
                .willReturn(aResponse().withStatus(404)));
    }

    public static void slowFor(String customerRef) {
        wireMock().register(get(urlPathEqualTo("/v1/person-restrictions/" + customerRef)).atPriority(1)
                .willReturn(aResponse().withStatus(200).withFixedDelay(3000)
                        .withHeader("Content-Type", "application/json").withBody("{\"restricted\":false}")));
    }

    /** Person markers received for this person, identified by the marker's customerRef. */
    public static java.util.List<com.github.tomakehurst.wiremock.verification.LoggedRequest> markersFor(String customerRef) {
        return wireMock().find(WireMock.postRequestedFor(urlPathEqualTo("/v1/person-markers"))
                .withRequestBody(WireMock.containing(customerRef)));
    }

    /** Makes account-risk-service refuse person markers (503) until {@link #acceptMarkers()}. */
    public static void refuseMarkers() {
        refuseMarkersWith(503);
    }

    public static void acceptMarkers() {
        wireMock().removeStubMapping(WireMock.post(urlPathEqualTo("/v1/person-markers")).withId(REFUSAL).build());
    }

    private static final java.util.UUID REFUSAL = java.util.UUID.fromString("00000000-0000-0000-0000-000000000503");

    /** The restriction look-ups the stub saw for this person. */
    public static java.util.List<com.github.tomakehurst.wiremock.verification.LoggedRequest> lookups(String customerRef) {
        return wireMock().find(WireMock.getRequestedFor(urlPathEqualTo("/v1/person-restrictions/" + customerRef)));
    }

    /** Makes account-risk-service refuse person markers with this status until {@link #acceptMarkers()}. */
    public static void refuseMarkersWith(int status) {
        wireMock().register(WireMock.post(urlPathEqualTo("/v1/person-markers")).atPriority(1)
                .withId(REFUSAL).willReturn(aResponse().withStatus(status)));
    }
}
