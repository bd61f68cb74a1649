package io.fraudshield.cardlimit.restriction;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * The local mirror of person restrictions (docs/card-limit.md "Person restrictions"): how often it polls
 * account-risk-service's change feed, how many entries it asks for per page, and how old its last complete poll
 * may be before openings ask account-risk-service instead.
 */
@ConfigMapping(prefix = "cardlimit.restriction-mirror")
public interface RestrictionMirrorConfig {

    /** Whether openings may be answered from the mirror at all (false: every opening asks account-risk-service). */
    @WithDefault("true")
    boolean enabled();

    /** The pause between the end of one poll of the feed and the start of the next. */
    @WithDefault("PT0.25S")
    Duration pollEvery();

    /**
     * The mirror answers only while its last poll that reached the feed's head began less than this long ago;
     * older, it is stale and openings ask account-risk-service.
     */
    @WithDefault("PT2S")
    Duration freshness();

    /** Entries asked for per page (account-risk-service serves at most 1,000). */
    @WithDefault("1000")
    int pageSize();

    /**
     * The most persons in force the mirror holds (about 170 bytes of heap each, docs/card-limit.md "Memory"); beyond,
     * it drops its state and openings ask account-risk-service.
     */
    @WithDefault("500000")
    int maxPersons();
}
