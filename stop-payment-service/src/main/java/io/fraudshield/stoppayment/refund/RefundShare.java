package io.fraudshield.stoppayment.refund;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.UUID;

/** One victim's share of a refund; the victim's account only as accountRef and masked. */
@Entity
@Table(name = "refund_share")
public class RefundShare {

    @Id
    public UUID id;
    public UUID refundId;
    public String victimRef;
    public BigDecimal loss;
    public BigDecimal amount;
    public String accountRef;
    public String accountMasked;
}
