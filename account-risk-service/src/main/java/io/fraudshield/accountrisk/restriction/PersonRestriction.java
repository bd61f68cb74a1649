package io.fraudshield.accountrisk.restriction;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One listing of a person under joint punishment, with its profile, ground, dates and notice. */
@Entity
@Table(name = "person_restriction")
public class PersonRestriction {

    @Id
    public UUID id;
    public String customerRef;
    public String profile;
    @Enumerated(EnumType.STRING)
    public Ground ground;
    public String listingAgency;
    public String listedBy;
    public String reasonCode;
    public String caseRef;
    public Integer statedCount;
    public boolean belowThreshold;
    public LocalDate episodeStart;
    public LocalDate startsOn;
    public LocalDate nonCounterUntil;
    public LocalDate noNewAccountsUntil;
    public String noticeBasis;
    @Enumerated(EnumType.STRING)
    public RestrictionState state;
    public Instant liftedAt;
    public String liftReason;
    public Instant createdAt;
    @Version
    public long version;

    public Term term() {
        return new Term(episodeStart, startsOn, nonCounterUntil, noNewAccountsUntil);
    }

    public boolean inForceOn(LocalDate day) {
        return state == RestrictionState.IN_FORCE && term().inForceOn(day);
    }

    public void moveTo(RestrictionState next, Instant at, String reason) {
        state = state.to(next);
        if (next == RestrictionState.LIFTED) {
            liftedAt = at;
            liftReason = reason;
        }
    }
}
