package io.fraudshield.accountrisk.status;

import io.fraudshield.accountrisk.marker.MarkerCategory;
import io.fraudshield.accountrisk.marker.MarkerFact;
import io.fraudshield.accountrisk.marker.MarkerLevel;
import io.fraudshield.accountrisk.marker.MarkerState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StatusPolicyTest {

    static final Instant NOW = Instant.parse("2026-11-29T00:00:00Z");

    /** Each marker: CATEGORY/LEVEL/STATE/valid-from offset hours/valid-until offset hours. */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = ';', textBlock = """
            ;                                                              CLEAR
            GREY_LIST/GREY/ACTIVE/-1/1;                                     GREY
            GREY_LIST/GREY/ACTIVE/-1/1 INVOLVED_ACCOUNT/BLACK/ACTIVE/-1/1;  BLACK
            INVOLVED_ACCOUNT/BLACK/PENDING_APPROVAL/-1/1;                   CLEAR
            INVOLVED_ACCOUNT/BLACK/REVOKED/-1/1;                            CLEAR
            INVOLVED_ACCOUNT/BLACK/ACTIVE/-2/-1;                            CLEAR
            INVOLVED_ACCOUNT/BLACK/ACTIVE/1/2;                              CLEAR
            INVOLVED_ACCOUNT/BLACK/ACTIVE/-1/1 STOPPED/BLACK/ACTIVE/-1/1;   STOPPED
            STOPPED/BLACK/ACTIVE/-1/1 FROZEN/BLACK/ACTIVE/-1/1;             FROZEN
            FROZEN/BLACK/ACTIVE/-3/-1 GREY_LIST/GREY/ACTIVE/-1/1;           GREY
            """)
    void theMostSevereMarkerInForceDecides(String markers, AccountStatus expected) {
        List<MarkerFact> facts = markers == null ? List.of()
                : Arrays.stream(markers.trim().split(" ")).map(StatusPolicyTest::fact).toList();
        assertEquals(expected, StatusPolicy.status(facts, NOW));
    }

    @Test
    void countersCountApprovedReportsByAgeEvenAfterTheyExpireButNotRevokedOnes() {
        List<MarkerFact> facts = List.of(
                created("GREY_LIST/GREY/ACTIVE/-1/1", Duration.ofDays(1)),
                created("GREY_LIST/GREY/ACTIVE/-100/-50", Duration.ofDays(10)),
                created("GREY_LIST/GREY/REVOKED/-1/1", Duration.ofDays(1)),
                created("GREY_LIST/GREY/PENDING_APPROVAL/-1/1", Duration.ofDays(1)),
                created("MULE_SUSPECTED/GREY/ACTIVE/-1/1", Duration.ofDays(100)),
                created("MULE_SUSPECTED/GREY/ACTIVE/-1/1", Duration.ofDays(200)));
        assertEquals(Map.of("P3D", 1L, "P30D", 2L, "P6M", 3L),
                StatusPolicy.counters(facts, NOW,
                        StatusPolicy.windowStarts(NOW, List.of(Period.ofDays(3), Period.ofDays(30), Period.ofMonths(6)))));
    }

    static MarkerFact fact(String spec) {
        return created(spec, Duration.ofHours(1));
    }

    static MarkerFact created(String spec, Duration ago) {
        String[] p = spec.split("/");
        return new MarkerFact(UUID.randomUUID(), "ref", MarkerCategory.valueOf(p[0]), MarkerLevel.valueOf(p[1]),
                MarkerState.valueOf(p[2]), "R", "GA3301", null, NOW.plus(Duration.ofHours(Long.parseLong(p[3]))),
                NOW.plus(Duration.ofHours(Long.parseLong(p[4]))), NOW.plus(Duration.ofDays(1800)), NOW.minus(ago));
    }
}
