package io.fraudshield.common.servicetoken;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This service's own short-lived bearer tokens for calling another service, one per target audience,
 * renewed before they expire. Never a token from the environment, never the end user's token: the
 * receiver sees which service calls, and a token stolen from one call works only on that audience, briefly.
 */
@ApplicationScoped
public class ServiceTokens {

    private final ServiceTokenSource source;
    private final ServiceTokensConfig config;
    private final Map<String, RenewingToken> byAudience = new ConcurrentHashMap<>();

    public ServiceTokens(ServiceTokenSource source, ServiceTokensConfig config) {
        this.source = source;
        this.config = config;
    }

    /** The {@code Authorization} header value for a call to {@code audience}, e.g. {@code account-risk-service}. */
    public String bearerFor(String audience) {
        return "Bearer " + byAudience.computeIfAbsent(audience,
                target -> new RenewingToken(() -> source.issue(target), config.renewBefore(), Clock.systemUTC())).value();
    }
}
