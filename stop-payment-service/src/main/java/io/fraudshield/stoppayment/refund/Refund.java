package io.fraudshield.stoppayment.refund;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A police decision to return frozen money to victims, executed by the bank that holds the freeze. */
@Entity
@Table(name = "refund")
public class Refund {

    @Id
    public UUID id;
    public UUID freezeOrderId;
    public UUID caseId;
    public String agency;
    public String target;
    @Enumerated(EnumType.STRING)
    public RefundBasis basis;
    @Enumerated(EnumType.STRING)
    public RefundState state;
    /** The officers who present the assistance notice, comma-separated. */
    public String officers;
    public String noticeDocument;
    public BigDecimal total;
    public BigDecimal remainder;
    public Instant noticeEndsAt;
    public String objection;
    public Instant instructedAt;
    public Instant dueBy;
    public Instant completedAt;
    public String receiptNumber;
    public String sealedVictims;
    public Instant createdAt;
    @Version
    public long version;

    public void moveTo(RefundState next, Instant at) {
        state = state.to(next);
        if (next == RefundState.INSTRUCTED) {
            instructedAt = at;
        } else if (next == RefundState.COMPLETED) {
            completedAt = at;
        }
    }
}
