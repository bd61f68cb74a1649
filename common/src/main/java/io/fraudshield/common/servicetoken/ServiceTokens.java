package io.fraudshield.common.servicetoken;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * This service's own short-lived bearer tokens for calling another service, one per target audience,
 * renewed before they expire. Never a token from the environment, never the end user's token: the
 * receiver sees which service calls, and a token stolen from one call works only on that audience, briefly.
 */
@ApplicationScoped
public class ServiceTokens {

    private static final Logger LOG = Logger.getLogger(ServiceTokens.class);
    /** More than the background job's period, so it renews before any request finds a token due. */
    private static final Duration RENEW_AHEAD_LEAD = Duration.ofSeconds(30);

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

    /**
     * Renews due tokens in the background, so a request rarely waits for the identity provider (the
     * restriction look-up has a 300 ms budget); a request that finds its token due still renews it itself.
     */
    @Scheduled(every = "20s", delay = 20, delayUnit = TimeUnit.SECONDS)
    void renewAhead() {
        byAudience.forEach((audience, token) -> {
            try {
                token.renewIfDueWithin(RENEW_AHEAD_LEAD);
            } catch (RuntimeException e) {
                LOG.warnf("service token for %s not renewed (%s); the next call tries again", audience,
                        e.getClass().getSimpleName());
            }
        });
    }
}
