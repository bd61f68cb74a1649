package io.fraudshield.stoppayment.order;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An officer's advance authority for follow-ups of a case: up to a layer and an amount each, until a time. */
@Entity
@Table(name = "standing_authorisation")
public class StandingAuthorisation {

    @Id
    public UUID id;
    public UUID caseId;
    public String officer;
    public int maxLayer;
    public BigDecimal maxAmount;
    public Instant validUntil;
    public String legalBasis;
    public Instant createdAt;

    public boolean covers(int layer, BigDecimal amount, Instant at) {
        return layer <= maxLayer && amount.compareTo(maxAmount) <= 0 && at.isBefore(validUntil);
    }
}
