package io.fraudshield.cardlimit.reservation;

import io.fraudshield.cardlimit.rules.AccountClass;
import io.fraudshield.cardlimit.rules.CardCategory;
import io.fraudshield.cardlimit.rules.Channel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * One opening of a customer at a bank: an account of a class and, when a card is issued on it, the card. It
 * consumes every limit of the opening or none; a confirmed slot is the account (and card) itself.
 */
@Entity
@Table(name = "card_slot")
public class CardSlot {

    @Id
    public UUID id;
    public String bank;
    public String customerRef;
    @Enumerated(EnumType.STRING)
    public AccountClass accountClass;
    /** The card issued on the account; null when none is (a Class III account never has one). */
    @Enumerated(EnumType.STRING)
    public CardCategory cardCategory;
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

    /** @param at the database's clock, never a replica's */
    public boolean holdLastsAt(Instant at) {
        return state == SlotState.HELD && heldUntil != null && heldUntil.isAfter(at);
    }
}
