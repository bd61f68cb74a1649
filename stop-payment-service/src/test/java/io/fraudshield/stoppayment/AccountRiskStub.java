package io.fraudshield.stoppayment;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Stands in for account-risk-service at its HTTP boundary (WireMock), answering as its marker endpoints on branch
 * accountrisk do: 201 with a new marker id, and 200 for a revocation.
 */
public class AccountRiskStub implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").templatingEnabled(true));
        server.start();
        server.stubFor(post(urlPathEqualTo("/v1/account-markers")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withTransformers("response-template")
                .withBody("{\"id\":\"{{randomValue type='UUID'}}\",\"category\":\"{{jsonPath request.body '$.category'}}\"}")));
        server.stubFor(post(urlPathMatching("/v1/markers/.*/revocation")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{}")));
        return Map.of("stoppayment.account-risk.url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static WireMock client() {
        URI url = URI.create(ConfigProvider.getConfig().getValue("stoppayment.account-risk.url", String.class));
        return new WireMock(url.getHost(), url.getPort());
    }

    /** Marker additions account-risk received for this order. */
    public static List<LoggedRequest> markersAddedFor(String orderId) {
        return client().find(postRequestedFor(urlPathEqualTo("/v1/account-markers"))).stream()
                .filter(r -> r.getBodyAsString().contains(orderId)).toList();
    }

    /** Revocations account-risk received: one per removed marker. */
    public static List<LoggedRequest> revocations() {
        return client().find(postRequestedFor(urlPathMatching("/v1/markers/.*/revocation")));
    }
}
