package io.fraudshield.accountrisk.restriction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A listing as the listing agency and regulators see it, with the written notice (Measures art. 12). */
public record RestrictionView(UUID id, String customerRef, String profile, Ground ground, String listingAgency,
                              String reasonCode, String caseRef, boolean belowThreshold, LocalDate episodeStart,
                              LocalDate startsOn, List<MeasureTerm> measures, RestrictionState state, Instant liftedAt,
                              Notice notice) {

    public record MeasureTerm(Measure measure, LocalDate until) {
    }

    /** What the person is told: the basis, the period, the measures and how to appeal. */
    public record Notice(String basis, LocalDate from, LocalDate until, List<Measure> measures, List<String> exemptDebits,
                         String appealRights) {
    }

    static RestrictionView of(PersonRestriction r, PunishmentConfig config) {
        List<MeasureTerm> measures = List.of(new MeasureTerm(Measure.NO_NEW_ACCOUNTS, r.noNewAccountsUntil),
                new MeasureTerm(Measure.NON_COUNTER_SUSPENDED, r.nonCounterUntil));
        LocalDate until = r.nonCounterUntil.isAfter(r.noNewAccountsUntil) ? r.nonCounterUntil : r.noNewAccountsUntil;
        return new RestrictionView(r.id, r.customerRef, r.profile, r.ground, r.listingAgency, r.reasonCode, r.caseRef,
                r.belowThreshold, r.episodeStart, r.startsOn, measures, r.state, r.liftedAt,
                new Notice(r.noticeBasis, r.startsOn, until, List.of(Measure.values()), config.exemptDebits(),
                        config.appealRights()));
    }
}
