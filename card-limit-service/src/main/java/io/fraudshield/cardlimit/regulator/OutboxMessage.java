package io.fraudshield.cardlimit.regulator;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "outbox_message")
public class OutboxMessage {

    public static final String PERSON_MARKER = "person-marker";

    @Id
    public UUID id;
    public String topic;
    public String payload;
    public Instant createdAt;
    public int attempts;
    public Instant nextAttemptAt;
    public Instant deliveredAt;
    public String lastError;
}
