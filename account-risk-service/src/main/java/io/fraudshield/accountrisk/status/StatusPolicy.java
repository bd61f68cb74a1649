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

    /** The start of each counter window ending at {@code now}, by the window's name ({@code P3D}...). */
    public static Map<String, Instant> windowStarts(Instant now, List<Period> windows) {
        Map<String, Instant> starts = new LinkedHashMap<>();
        for (Period window : windows) {
            starts.put(window.toString(), now.atOffset(ZoneOffset.UTC).minus(window).toInstant());
        }
        return starts;
    }

    /** Reports (approved, unrevoked markers, expired ones included) made since each window's start. */
    public static Map<String, Long> counters(List<MarkerFact> markers, Instant now, Map<String, Instant> windowStarts) {
        Map<String, Long> counters = new LinkedHashMap<>();
        windowStarts.forEach((window, since) -> counters.put(window, markers.stream()
                .filter(m -> m.countsAsReport(now) && !m.createdAt().isBefore(since)).count()));
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
