package io.fraudshield.accountrisk.status;

import io.fraudshield.accountrisk.marker.MarkerCategory;
import io.fraudshield.accountrisk.marker.MarkerFact;
import io.fraudshield.accountrisk.marker.MarkerLevel;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An account's status and report counters from its markers, at the moment of the question: a marker counts
 * only while approved, unrevoked and valid, so expiry needs no job. Pure.
 */
public final class StatusPolicy {

    private StatusPolicy() {
    }

    public static AccountStatus status(List<MarkerFact> markers, Instant now) {
        AccountStatus worst = AccountStatus.CLEAR;
        for (MarkerFact marker : markers) {
            if (marker.inForce(now)) {
                AccountStatus status = of(marker);
                if (status.compareTo(worst) > 0) {
                    worst = status;
                }
            }
        }
        return worst;
    }

    /** Reports (approved, unrevoked markers, expired ones included) made within each window before {@code now}. */
    public static Map<String, Long> counters(List<MarkerFact> markers, Instant now, List<Period> windows) {
        Map<String, Long> counters = new LinkedHashMap<>();
        for (Period window : windows) {
            Instant since = now.atOffset(ZoneOffset.UTC).minus(window).toInstant();
            counters.put(window.toString(), markers.stream()
                    .filter(m -> m.countsAsReport(now) && !m.createdAt().isBefore(since)).count());
        }
        return counters;
    }

    private static AccountStatus of(MarkerFact marker) {
        if (marker.category() == MarkerCategory.FROZEN) {
            return AccountStatus.FROZEN;
        }
        if (marker.category() == MarkerCategory.STOPPED) {
            return AccountStatus.STOPPED;
        }
        return marker.level() == MarkerLevel.BLACK ? AccountStatus.BLACK : AccountStatus.GREY;
    }
}
