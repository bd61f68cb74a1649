package io.fraudshield.accountrisk.marker;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Who may write which marker category, and how long markers count and are kept (docs/account-risk.md). */
@ConfigMapping(prefix = "accountrisk.markers")
public interface MarkerConfig {

    /** Per category, the roles (token groups) that may write it, e.g. {@code writers.INVOLVED_ACCOUNT=police}. */
    Map<MarkerCategory, List<String>> writers();

    /** Categories whose BLACK markers take effect without a second person: executed stop and freeze orders. */
    @WithDefault("STOPPED,FROZEN")
    Set<MarkerCategory> checkerExempt();

    /** docs/rules.md B1: markers are kept and returned for 60 months, then no longer returned. */
    @WithDefault("P60M")
    Period retention();

    /** The report counters on every status answer (docs/rules.md B1: 3 days, 30 days, 6 months). */
    @WithDefault("P3D,P30D,P6M")
    List<Period> counterWindows();
}
