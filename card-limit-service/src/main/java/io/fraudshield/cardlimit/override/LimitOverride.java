package io.fraudshield.cardlimit.override;

import io.fraudshield.cardlimit.rules.Limit;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/** A supervisor's one-slot exception to a limit: requested by one person, approved by another, used once. */
@Entity
@Table(name = "limit_override")
public class LimitOverride {

    @Id
    public UUID id;
    public String bank;
    public String customerRef;
    /** The limit the override lifts by one slot. */
    @Enumerated(EnumType.STRING)
    public Limit limitKind;
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

    /** Whether it lifts one of {@code limits} for a person with these references at this bank. */
    public boolean grants(String bank, Collection<String> personRefs, Set<Limit> limits) {
        return state == OverrideState.APPROVED && this.bank.equals(bank) && personRefs.contains(customerRef)
                && limits.contains(limitKind);
    }
}
