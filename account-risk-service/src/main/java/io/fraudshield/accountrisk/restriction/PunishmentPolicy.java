package io.fraudshield.accountrisk.restriction;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/**
 * How long a listing lasts under a profile (docs/rules.md A3, A5): from release when a sentence was served
 * (else from the decision), the convicted or certified period, NO_NEW_ACCOUNTS possibly shorter; listed again
 * while punished, the clock restarts but never shortens the term in force, and the whole episode ends at the
 * profile's cap (LAW2024: 5 consecutive years). Pure: no clock, no container.
 */
public final class PunishmentPolicy {

    private PunishmentPolicy() {
    }

    /**
     * @param decidedOn  the day of the certification or judgement
     * @param releasedOn the end of a prison sentence served for it, if any
     * @param inForce    the term of the person's listing in force on the new start day, if any
     */
    public static Term term(PunishmentConfig.Profile profile, Ground ground, LocalDate decidedOn,
                            Optional<LocalDate> releasedOn, Optional<Term> inForce) {
        LocalDate start = profile.fromRelease() && releasedOn.isPresent() && releasedOn.get().isAfter(decidedOn)
                ? releasedOn.get() : decidedOn;
        Period main = ground == Ground.CONVICTED ? profile.convicted() : profile.certified();
        LocalDate nonCounter = start.plus(main);
        LocalDate noNew = shorter(nonCounter, start.plus(profile.noNewAccounts().orElse(main)));
        Optional<Term> continued = inForce.filter(term -> term.inForceOn(start));
        LocalDate episodeStart = continued.map(Term::episodeStart).orElse(start);
        if (continued.isPresent()) {
            nonCounter = later(nonCounter, continued.get().nonCounterUntil());
            noNew = later(noNew, continued.get().noNewAccountsUntil());
        }
        if (profile.cap().isPresent()) {
            LocalDate capEnd = episodeStart.plus(profile.cap().get());
            nonCounter = shorter(nonCounter, capEnd);
            noNew = shorter(noNew, capEnd);
        }
        return new Term(episodeStart, start, nonCounter, noNew);
    }

    private static LocalDate shorter(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
