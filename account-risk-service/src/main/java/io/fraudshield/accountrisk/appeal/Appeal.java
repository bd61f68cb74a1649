package io.fraudshield.accountrisk.appeal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** An appeal against a restriction (Anti-Telecom Fraud Law art. 32), filed by a bank for its customer. */
@Entity
@Table(name = "appeal")
public class Appeal {

    @Id
    public UUID id;
    public UUID restrictionId;
    public String listingAgency;
    public String filingBank;
    public String filedBy;
    public String grounds;
    @Enumerated(EnumType.STRING)
    public AppealState state;
    public Instant filedAt;
    public Instant dueBy;
    public String decidedBy;
    public String decidingParticipant;
    public Instant decidedAt;
    public String decisionReason;
    @Version
    public long version;

    public void decide(AppealState outcome, String by, String participant, String reason, Instant at) {
        state = state.to(outcome);
        decidedBy = by;
        decidingParticipant = participant;
        decisionReason = reason;
        decidedAt = at;
    }
}
