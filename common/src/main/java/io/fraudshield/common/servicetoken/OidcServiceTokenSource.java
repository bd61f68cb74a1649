package io.fraudshield.common.servicetoken;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Client credentials at the identity provider ({@code quarkus.oidc-client.*}: token endpoint, client id and
 * secret from the environment), asking for the target audience in the token request.
 */
final class OidcServiceTokenSource implements ServiceTokenSource {

    /** When the provider does not say how long a token lives, assume this and renew accordingly. */
    private static final Duration ASSUMED_LIFETIME = Duration.ofMinutes(5);

    private final OidcClient client;
    private final ServiceTokensConfig config;
    private final Clock clock;

    OidcServiceTokenSource(OidcClient client, ServiceTokensConfig config, Clock clock) {
        this.client = client;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public IssuedToken issue(String audience) {
        Instant now = clock.instant();
        Tokens tokens = client.getTokens(Map.of(config.audienceParameter(), audience)).await()
                .atMost(config.requestTimeout());
        Long expiresAt = tokens.getAccessTokenExpiresAt();
        return new IssuedToken(tokens.getAccessToken(), now,
                expiresAt == null ? now.plus(ASSUMED_LIFETIME) : Instant.ofEpochSecond(expiresAt));
    }
}
