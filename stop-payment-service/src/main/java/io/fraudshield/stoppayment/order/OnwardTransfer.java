package io.fraudshield.stoppayment.order;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An onward transfer a bank reported in its feedback, and what became of it (a follow-up or why not). */
@Entity
@Table(name = "onward_transfer")
public class OnwardTransfer {

    @Id
    public UUID id;
    public UUID orderId;
    public String transactionId;
    public String bank;
    public String accountRef;
    public String accountMasked;
    public BigDecimal amount;
    public Instant transferredAt;
    public UUID followUpId;
    public String notFollowed;
}
