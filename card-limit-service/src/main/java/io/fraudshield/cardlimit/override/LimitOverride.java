package io.fraudshield.cardlimit.override;

import io.fraudshield.cardlimit.rules.Product;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A supervisor's one-slot exception to a limit: requested by one person, approved by another, used once. */
@Entity
@Table(name = "limit_override")
public class LimitOverride {

    @Id
    public UUID id;
    public String bank;
    public String customerRef;
    @Enumerated(EnumType.STRING)
    public Product product;
    public String reason;
    @Enumerated(EnumType.STRING)
    public OverrideState state;
    public String requestedBy;
    public String approvedBy;
    public UUID usedBySlot;
    public Instant createdAt;
    public Instant approvedAt;
    @Version
    public long version;

    public boolean grants(String bank, String customerRef, Product product) {
        return state == OverrideState.APPROVED && this.bank.equals(bank) && this.customerRef.equals(customerRef)
                && this.product == product;
    }
}
