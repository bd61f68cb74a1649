package io.fraudshield.accountrisk.marker;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A marker on an account or a person; its subject is a keyed reference only. */
@Entity
@Table(name = "marker")
public class Marker {

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public SubjectType subjectType;
    public String subjectRef;
    @Enumerated(EnumType.STRING)
    public MarkerCategory category;
    @Enumerated(EnumType.STRING)
    public MarkerLevel level;
    public String reasonCode;
    public String sourceParticipant;
    public String sourceSystem;
    public String evidenceRef;
    public String evidence;
    public String messageId;
    @Enumerated(EnumType.STRING)
    public MarkerState state;
    public Instant validFrom;
    public Instant validUntil;
    public Instant retainUntil;
    public String createdBy;
    public Instant createdAt;
    public String approvedBy;
    public Instant approvedAt;
    public String revokedBy;
    public Instant revokedAt;
    public String revocationReason;
    @Version
    public long version;

    public void moveTo(MarkerState next, String by, Instant at) {
        state = state.to(next);
        if (next == MarkerState.ACTIVE) {
            approvedBy = by;
            approvedAt = at;
        } else {
            revokedBy = by;
            revokedAt = at;
        }
    }

    public MarkerFact fact() {
        return new MarkerFact(id, subjectRef, category, level, state, reasonCode, sourceParticipant, evidenceRef,
                validFrom, validUntil, retainUntil, createdAt);
    }
}
