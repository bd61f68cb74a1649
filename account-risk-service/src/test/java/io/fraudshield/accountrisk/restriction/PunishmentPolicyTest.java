package io.fraudshield.accountrisk.restriction;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The durations of docs/rules.md A3 and A5, one row per case; the profiles are the shipped configuration. */
class PunishmentPolicyTest {

    record Profile(Period certified, Period convicted, Optional<Period> noNewAccounts, Optional<Period> cap,
                   boolean fromRelease) implements PunishmentConfig.Profile {
    }

    static final Map<String, PunishmentConfig.Profile> PROFILES = Map.of(
            "LAW2024", new Profile(Period.ofYears(2), Period.ofYears(3), Optional.empty(), Optional.of(Period.ofYears(5)), true),
            "PBOC2016", new Profile(Period.ofYears(5), Period.ofYears(5), Optional.of(Period.ofYears(3)), Optional.empty(), false),
            "PBOC2019", new Profile(Period.ofYears(5), Period.ofYears(5), Optional.empty(), Optional.empty(), false));

    @ParameterizedTest(name = "{0} {1} decided {2} released {3} → from {6} until {7} / no new accounts until {8}")
    @CsvSource(nullValues = "-", textBlock = """
            # profile, ground,   decided,    released,   earlier episode, earlier until, starts,     non-counter until, no-new until, episode
            LAW2024,  CERTIFIED,  2025-01-10, -,          -,               -,             2025-01-10, 2027-01-10,        2027-01-10,   2025-01-10
            LAW2024,  IMPERSONATION, 2025-01-10, -,       -,               -,             2025-01-10, 2027-01-10,        2027-01-10,   2025-01-10
            LAW2024,  CONVICTED,  2025-01-10, -,          -,               -,             2025-01-10, 2028-01-10,        2028-01-10,   2025-01-10
            LAW2024,  CONVICTED,  2023-03-01, 2025-06-30, -,               -,             2025-06-30, 2028-06-30,        2028-06-30,   2025-06-30
            # listed again while punished: the clock restarts ...
            LAW2024,  CERTIFIED,  2026-01-10, -,          2025-01-10,      2027-01-10,    2026-01-10, 2028-01-10,        2028-01-10,   2025-01-10
            # ... but never beyond 5 consecutive years
            LAW2024,  CONVICTED,  2028-01-01, -,          2025-01-10,      2028-06-01,    2028-01-01, 2030-01-10,        2030-01-10,   2025-01-10
            # a shorter relisting never shortens the term in force
            LAW2024,  CERTIFIED,  2025-02-10, -,          2025-01-10,      2028-01-10,    2025-02-10, 2028-01-10,        2028-01-10,   2025-01-10
            # listed after the earlier term ended: a new episode, a new cap
            LAW2024,  CERTIFIED,  2027-02-01, -,          2025-01-10,      2027-01-10,    2027-02-01, 2029-02-01,        2029-02-01,   2027-02-01
            PBOC2016, CERTIFIED,  2025-01-10, -,          -,               -,             2025-01-10, 2030-01-10,        2028-01-10,   2025-01-10
            PBOC2016, CONVICTED,  2023-03-01, 2025-06-30, -,               -,             2023-03-01, 2028-03-01,        2026-03-01,   2023-03-01
            PBOC2019, CERTIFIED,  2025-01-10, -,          -,               -,             2025-01-10, 2030-01-10,        2030-01-10,   2025-01-10
            # no cap in PBOC2019: a relisting extends the episode past 5 years
            PBOC2019, CERTIFIED,  2029-01-01, -,          2025-01-10,      2030-01-10,    2029-01-01, 2034-01-01,        2034-01-01,   2025-01-10
            """)
    void termOfAListing(String profile, Ground ground, LocalDate decided, LocalDate released, LocalDate earlierEpisode,
                        LocalDate earlierUntil, LocalDate starts, LocalDate nonCounterUntil, LocalDate noNewUntil,
                        LocalDate episode) {
        Optional<Term> inForce = Optional.ofNullable(earlierEpisode)
                .map(start -> new Term(start, start, earlierUntil, earlierUntil));
        Term term = PunishmentPolicy.term(PROFILES.get(profile), ground, decided, Optional.ofNullable(released), inForce);
        assertEquals(new Term(episode, starts, nonCounterUntil, noNewUntil), term);
    }
}
