package io.fraudshield.cardlimit.reservation;

import io.fraudshield.cardlimit.rules.Channel;
import io.fraudshield.cardlimit.rules.Product;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** One card or account slot of a customer at a bank; a confirmed slot is the card itself. */
@Entity
@Table(name = "card_slot")
public class CardSlot {

    @Id
    public UUID id;
    public String bank;
    public String customerRef;
    @Enumerated(EnumType.STRING)
    public Product product;
    @Enumerated(EnumType.STRING)
    public SlotState state;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    public String agentRef;
    public UUID overrideId;
    public Instant heldUntil;
    public String cardRef;
    public String cardBin;
    public String cardLast4;
    @Enumerated(EnumType.STRING)
    public SlotSource source;
    public UUID stockUpload;
    public Long stockLine;
    public String createdBy;
    @Column(updatable = false)
    public Instant createdAt;
    public Instant confirmedAt;
    public Instant endedAt;
    @Version
    public long version;

    public void moveTo(SlotState next, Instant at) {
        state = state.to(next);
        if (next == SlotState.RELEASED || next == SlotState.EXPIRED || next == SlotState.CLOSED) {
            endedAt = at;
        }
    }

    public boolean holdLastsAt(Instant at) {
        return state == SlotState.HELD && heldUntil != null && heldUntil.isAfter(at);
    }
}
