package io.fraudshield.cardlimit.ratelimit;

import io.agroal.api.AgroalDataSource;
import io.fraudshield.common.metrics.BusinessMetrics;
import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.problem.ProblemException;
import io.fraudshield.common.problem.ProblemType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;


/**
 * Every opening decision (a check or a reservation) takes one token from its bank's bucket before anything is looked
 * up, so the service is no free oracle of whether an ID number belongs to a punished person. The bucket is a row in
 * PostgreSQL, refilled by the database's clock, shared by all replicas; each replica draws small leases of tokens from
 * it and spends them in memory ({@link OpeningTokenLeases}: why the bank's limit still holds). An empty bucket answers
 * 429 too-many-requests with Retry-After (seconds until a token is back).
 */
@ApplicationScoped
@Startup
public class OpeningRateLimit {

    private final OpeningRateConfig config;
    private final OpeningTokenLeases leases;
    private final BusinessMetrics metrics;

    public OpeningRateLimit(AgroalDataSource dataSource, OpeningRateConfig config, BusinessMetrics metrics) {
        this.metrics = metrics;
        this.config = config;
        this.leases = new OpeningTokenLeases(dataSource, config.leaseSize(), config.leaseFor(), config.maxReplicas(),
                config.leaseWait());
        String missing = config.banks().values().stream().filter(tier -> !config.tiers().containsKey(tier))
                .findFirst().orElse(config.tiers().containsKey(config.defaultTier()) ? null : config.defaultTier());
        if (missing != null) {
            throw new IllegalStateException("cardlimit.opening-rate: tier '" + missing + "' is not configured");
        }
        config.tiers().forEach((name, tier) -> {
            if (tier.bucketSize() < 1 || tier.refillPerMinute() < 1) {
                // an empty bucket must say when a token is back (Retry-After): no tier that never refills
                throw new IllegalStateException("cardlimit.opening-rate.tiers." + name
                        + ": bucket-size and refill-per-minute must be at least 1");
            }
        });
    }

    public OpeningRateConfig.Tier tierOf(String bank) {
        return config.tiers().get(config.banks().getOrDefault(bank, config.defaultTier()));
    }

    /** Takes one token of the caller's bank, or answers 429 with Retry-After. */
    public void take(Caller caller) {
        String bank = caller.participant().value();
        OpeningRateConfig.Tier tier = tierOf(bank);
        // outside any transaction: a draw commits on its own (one round trip), and a request's transaction never
        // holds the bank's bucket row
        long wait;
        try {
            wait = QuarkusTransaction.suspendingExisting().call(
                    () -> leases.take(bank, tier) ? 0L : leases.secondsUntilAToken(bank, tier));
        } catch (QuarkusTransactionException e) {
            // the 503 of a draw that gave up in the database or kept this request waiting too long, unwrapped from the
            // transaction runner
            if (e.getCause() instanceof ProblemException problem) {
                throw problem;
            }
            throw e;
        }
        if (wait > 0) {
            metrics.quotaRejection("opening-rate");
            throw ProblemException.retryAfter(ProblemType.TOO_MANY_REQUESTS, "This bank made " + tier.bucketSize()
                    + " opening decisions in a burst; " + tier.refillPerMinute() + " come back per minute", wait);
        }
    }
}
