package io.fraudshield.cardlimit;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Stands in for account-risk-service at its HTTP boundary only (WireMock): by default nobody is restricted.
 * Tests change answers through {@link RiskStub}.
 */
public class AccountRiskStub implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").containerThreads(150).jettyAcceptors(4));
        server.start();
        server.stubFor(get(urlPathMatching("/v1/person-restrictions/.*")).atPriority(10)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"restricted\":false,\"measures\":[]}")));
        server.stubFor(post(urlPathEqualTo("/v1/person-markers")).atPriority(10)
                .willReturn(aResponse().withStatus(201)));
        return Map.of("quarkus.rest-client.account-risk.url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
