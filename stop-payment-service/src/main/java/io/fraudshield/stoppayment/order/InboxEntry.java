package io.fraudshield.stoppayment.order;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** An order as it entered a participant's inbox; {@code position} is the inbox cursor. */
@Entity
@Table(name = "inbox_entry")
public class InboxEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long position;
    public String participant;
    public UUID orderId;
    /** Set when the entry is a refund instruction about the freeze {@link #orderId}. */
    public UUID refundId;
    public String eventType;
}
