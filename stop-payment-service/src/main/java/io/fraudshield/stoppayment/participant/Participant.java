package io.fraudshield.stoppayment.participant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** A registered bank, payment institution or police agency; the only source of webhook targets. */
@Entity
@Table(name = "participant")
public class Participant {

    @Id
    public String code;
    @Enumerated(EnumType.STRING)
    public ParticipantKind kind;
    public String name;
    public String webhookUrl;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;
}
