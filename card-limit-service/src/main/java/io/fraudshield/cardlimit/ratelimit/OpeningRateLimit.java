package io.fraudshield.cardlimit.ratelimit;

import io.agroal.api.AgroalDataSource;
import io.fraudshield.common.metrics.BusinessMetrics;
import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.problem.ProblemException;
import io.fraudshield.common.problem.ProblemType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Every opening decision (a check or a reservation) takes one token from its bank's bucket before anything is looked
 * up, so the service is no free oracle of whether an ID number belongs to a punished person. The bucket is a row in
 * PostgreSQL, refilled and taken from in one statement by the database's clock, so all replicas share it; an empty
 * bucket answers 429 too-many-requests with Retry-After (seconds until a token is back).
 */
@ApplicationScoped
@Startup
public class OpeningRateLimit {

    private static final String TAKE = """
            insert into opening_rate_bucket as b (bank, tokens, refilled_at) values (?, ? - 1, clock_timestamp())
            on conflict (bank) do update
               set tokens = least(excluded.tokens + 1, b.tokens + extract(epoch from clock_timestamp() - b.refilled_at) * ?) - 1,
                   refilled_at = clock_timestamp()
             where least(excluded.tokens + 1, b.tokens + extract(epoch from clock_timestamp() - b.refilled_at) * ?) >= 1
            returning tokens
            """;
    private static final String WAIT = """
            select ceil((1 - least(?, tokens + extract(epoch from clock_timestamp() - refilled_at) * ?)) / ?)
            from opening_rate_bucket where bank = ?
            """;

    private final AgroalDataSource dataSource;
    private final OpeningRateConfig config;
    private final BusinessMetrics metrics;

    public OpeningRateLimit(AgroalDataSource dataSource, OpeningRateConfig config, BusinessMetrics metrics) {
        this.metrics = metrics;
        this.dataSource = dataSource;
        this.config = config;
        String missing = config.banks().values().stream().filter(tier -> !config.tiers().containsKey(tier))
                .findFirst().orElse(config.tiers().containsKey(config.defaultTier()) ? null : config.defaultTier());
        if (missing != null) {
            throw new IllegalStateException("cardlimit.opening-rate: tier '" + missing + "' is not configured");
        }
    }

    public OpeningRateConfig.Tier tierOf(String bank) {
        return config.tiers().get(config.banks().getOrDefault(bank, config.defaultTier()));
    }

    /** Takes one token of the caller's bank, or answers 429 with Retry-After. */
    public void take(Caller caller) {
        String bank = caller.participant().value();
        OpeningRateConfig.Tier tier = tierOf(bank);
        double perSecond = tier.refillPerMinute() / 60.0;
        // outside any transaction: the statement commits on its own (one round trip), and a request's transaction
        // never holds the bank's bucket row
        long wait = QuarkusTransaction.suspendingExisting().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                try (PreparedStatement take = connection.prepareStatement(TAKE)) {
                    take.setString(1, bank);
                    take.setDouble(2, tier.bucketSize());
                    take.setDouble(3, perSecond);
                    take.setDouble(4, perSecond);
                    try (ResultSet taken = take.executeQuery()) {
                        if (taken.next()) {
                            return 0L;
                        }
                    }
                }
                try (PreparedStatement read = connection.prepareStatement(WAIT)) {
                    read.setDouble(1, tier.bucketSize());
                    read.setDouble(2, perSecond);
                    read.setDouble(3, perSecond);
                    read.setString(4, bank);
                    try (ResultSet seconds = read.executeQuery()) {
                        return seconds.next() ? Math.max(1L, seconds.getLong(1)) : 1L;
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("opening rate bucket", e);
            }
        });
        if (wait > 0) {
            metrics.quotaRejection("opening-rate");
            throw new ProblemException(ProblemType.TOO_MANY_REQUESTS, "This bank made " + tier.bucketSize()
                    + " opening decisions in a burst; " + tier.refillPerMinute() + " come back per minute",
                    List.of(), Map.of("Retry-After", String.valueOf(wait)));
        }
    }
}
