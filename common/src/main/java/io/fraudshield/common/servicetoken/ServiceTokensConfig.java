package io.fraudshield.common.servicetoken;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** {@code fraudshield.service-tokens.*}: where this service's own tokens for calling other services come from. */
@ConfigMapping(prefix = "fraudshield.service-tokens")
public interface ServiceTokensConfig {

    enum Issuer {
        /** client credentials at the identity provider (quarkus-oidc-client, {@code quarkus.oidc-client.*}) */
        OIDC,
        /** minted here with the local-stack key pair: local runs and tests only */
        LOCAL
    }

    @WithDefault("oidc")
    Issuer issuer();

    /** Fetch a new token this long before the current one expires (at most half its life). */
    @WithDefault("PT1M")
    Duration renewBefore();

    /** The token request parameter naming the target audience ({@code audience} for Keycloak and Auth0). */
    @WithDefault("audience")
    String audienceParameter();

    /** How long to wait for the identity provider. */
    @WithDefault("PT5S")
    Duration requestTimeout();

    Local local();

    interface Local {
        /** The local-stack private key (PKCS#8 PEM) that the services of a local run trust. */
        Optional<String> signingKeyLocation();

        @WithDefault("https://fraudshield.local/issuer")
        String issuer();

        /** The {@code participant} claim: the calling service's code. */
        @WithDefault("FRAUDSHIELD")
        String participant();

        @WithDefault("PT5M")
        Duration lifetime();
    }
}
