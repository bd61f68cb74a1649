package io.fraudshield.accountrisk.restriction;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Joint punishment as configuration (docs/rules.md A3, A5, D): the profile in force for new listings, each
 * profile's durations and cap, the listing threshold, the exempt debits, and the level of each police agency.
 */
@ConfigMapping(prefix = "accountrisk.punishment")
public interface PunishmentConfig {

    /** The profile new listings are imposed under; a listing keeps its profile when this changes. */
    @WithDefault("LAW2024")
    String profile();

    /** The profiles by name (LAW2024, PBOC2016, PBOC2019 in application.properties). */
    Map<String, Profile> profiles();

    /** docs/rules.md A5: a city-level certification stating fewer accounts, times or counterparts is flagged. */
    @WithDefault("3")
    int listingThreshold();

    /** Debits a non-counter suspension lets through (docs/rules.md A5, measures 1 and 2). */
    @WithDefault("TAX,SOCIAL_SECURITY,UTILITY,OWN_ACCOUNT_BALANCE_MOVE")
    List<String> exemptDebits();

    /** What the written notice says about appeal (Joint Punishment Measures art. 12). */
    @WithDefault("You may appeal through your bank to the listing agency or the People's Bank of China; an upheld appeal lifts the restriction at once.")
    String appealRights();

    /** The day restrictions start and end on (dates are Chinese dates). */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** Police agencies by participant code, e.g. {@code agencies."GA3301"=CITY}; an unlisted agency counts as COUNTY. */
    Map<String, AgencyLevel> agencies();

    interface Profile {
        /** Period for a police certification (and impersonation, provincial listing). */
        Period certified();

        /** Period after a conviction. */
        Period convicted();

        /** Shorter period for NO_NEW_ACCOUNTS when the profile sets one (PBOC2016: 3 years of 5). */
        Optional<Period> noNewAccounts();

        /** Longest consecutive punishment however often the person is listed again (LAW2024: 5 years). */
        Optional<Period> cap();

        /** Whether a served sentence starts the clock at release (LAW2024) rather than at the decision. */
        @WithDefault("true")
        boolean fromRelease();
    }
}
