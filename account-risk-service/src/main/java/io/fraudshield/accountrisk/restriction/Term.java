package io.fraudshield.accountrisk.restriction;

import java.time.LocalDate;

/**
 * The dates of one listing: the start of the consecutive episode it belongs to, its own start, and the day
 * each measure ends (exclusive: in force while today is before it).
 */
public record Term(LocalDate episodeStart, LocalDate startsOn, LocalDate nonCounterUntil, LocalDate noNewAccountsUntil) {

    public boolean inForceOn(LocalDate day) {
        return day.isBefore(nonCounterUntil) || day.isBefore(noNewAccountsUntil);
    }

    public LocalDate until(Measure measure) {
        return measure == Measure.NO_NEW_ACCOUNTS ? noNewAccountsUntil : nonCounterUntil;
    }
}
