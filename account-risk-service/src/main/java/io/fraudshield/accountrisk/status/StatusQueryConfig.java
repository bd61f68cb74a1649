package io.fraudshield.accountrisk.status;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The status query and its caches (docs/account-risk.md, "Hot path"). */
@ConfigMapping(prefix = "accountrisk.status-query")
public interface StatusQueryConfig {

    /** Accounts per query (FraudShield's number). */
    @WithDefault("1000")
    int maxAccounts();

    /** In-process snapshots kept per replica. */
    @WithDefault("200000")
    long localEntries();

    /** How long a snapshot stays in Redis (it is checked against the change feed on every read anyway). */
    @WithDefault("PT1H")
    Duration redisTtl();

    /** After a Redis failure, how long answers come from PostgreSQL alone before Redis is tried again. */
    @WithDefault("PT1S")
    Duration redisRetryAfter();

    /**
     * How long a query waits for its change-feed head read (PostgreSQL) before answering 503 with Retry-After: a hung
     * read must not hang every query, nor pile up waiters on the event loop.
     */
    @WithDefault("PT2S")
    Duration headReadTimeout();
}
