package io.fraudshield.cardlimit.restriction;

import io.fraudshield.cardlimit.rules.RestrictionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Asks account-risk-service whether a person may open accounts, within a short timeout and behind a
 * circuit breaker, when the mirror cannot answer. When it cannot tell, the answer is UNKNOWN — never a silent
 * CLEAR. Tune with MicroProfile Fault Tolerance config, e.g.
 * {@code io.fraudshield.cardlimit.restriction.RemoteRestrictions/statusOf/Timeout/value=300}. Only these calls
 * count for the circuit breaker: answers from the mirror would hide an outage from it.
 */
@ApplicationScoped
public class RemoteRestrictions {

    private static final Logger LOG = Logger.getLogger(RemoteRestrictions.class);

    private final PersonRestrictionsClient client;

    public RemoteRestrictions(@RestClient PersonRestrictionsClient client) {
        this.client = client;
    }

    @Timeout(300)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2)
    @Fallback(fallbackMethod = "unknown")
    public RestrictionStatus statusOf(String customerRef) {
        // only an explicit answer clears a person: a 404 may mean the endpoint is missing, not the restriction
        return client.get(customerRef).refusesNewAccounts() ? RestrictionStatus.RESTRICTED : RestrictionStatus.CLEAR;
    }

    RestrictionStatus unknown(String customerRef, Throwable cause) {
        LOG.warnf("person restrictions unavailable (%s): answering UNKNOWN", cause.getClass().getSimpleName());
        return RestrictionStatus.UNKNOWN;
    }
}
