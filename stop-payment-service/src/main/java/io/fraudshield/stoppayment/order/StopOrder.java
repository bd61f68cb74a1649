package io.fraudshield.stoppayment.order;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One police order to one institution about one account. The account is kept as accountRef + masked form and
 * the holder as a keyed digest; the clear values the bank needs are in {@link #sealedDetails} until it answers.
 */
@Entity
@Table(name = "stop_order")
public class StopOrder {

    @Id
    public UUID id;
    public UUID caseId;
    public String agency;
    @Enumerated(EnumType.STRING)
    public OrderKind kind;
    @Enumerated(EnumType.STRING)
    public FreezeMode freezeMode;
    public String target;
    @Enumerated(EnumType.STRING)
    public OrderState state;
    public int layer;
    public UUID parentOrderId;
    public UUID originalOrderId;
    public String sourceTransactionId;
    public String accountRef;
    public String accountMasked;
    public String holderDigest;
    public BigDecimal requestedAmount;
    public Instant transactionTime;
    public BigDecimal transactionAmount;
    public String victimRef;
    public String documentNumber;
    public String documentIssuer;
    public String documentSha256;
    public String approvingOfficer;
    public String legalBasis;
    public String issuedBy;
    public Instant createdAt;
    public Instant issuedAt;
    public Instant acknowledgedAt;
    public Instant answeredAt;
    public String notExecutedReason;
    public BigDecimal stoppedAmount;
    public BigDecimal notStoppedAmount;
    @JdbcTypeCode(SqlTypes.JSON)
    public String priorFreezes;
    public Instant effectiveAt;
    public Instant endsAt;
    public Instant endedAt;
    public String remindedBefore;
    public String sealedDetails;
    @Version
    public long version;

    /** The one way an order changes state. */
    public void moveTo(OrderState next, Instant at) {
        state = state.to(next);
        switch (next) {
            case ISSUED -> issuedAt = at;
            case ACKNOWLEDGED -> acknowledgedAt = at;
            case EXECUTED, PARTIALLY_EXECUTED, NOT_EXECUTED -> answeredAt = at;
            case EXPIRED, RELEASED -> endedAt = at;
            default -> {
            }
        }
    }
}
