package io.fraudshield.common.caller;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How tokens are accepted and remembered ({@code fraudshield.jwt.*}). */
@ConfigMapping(prefix = "fraudshield.jwt")
public interface TokenPolicy {

    /** Tokens whose {@code exp - iat} is longer are refused (401), however valid their signature. */
    @WithDefault("PT1H")
    Duration maxLifetime();

    /** How far the issuer's clock may be ahead of ours (matches {@code mp.jwt.verify.clock.skew}). */
    @WithDefault("PT30S")
    Duration clockSkew();

    /** The verified-token cache. */
    Cache cache();

    interface Cache {

        /** How long a verified token is remembered at most (never past its {@code exp}); {@code PT0S} turns it off. */
        @WithDefault("PT5M")
        Duration ttl();

        @WithDefault("10000")
        int maxEntries();
    }
}
