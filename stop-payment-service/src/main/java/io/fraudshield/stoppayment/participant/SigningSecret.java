package io.fraudshield.stoppayment.participant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A webhook signing secret of a participant, sealed at rest; at most two are active at once. */
@Entity
@Table(name = "signing_secret")
public class SigningSecret {

    @Id
    public UUID id;
    public String participant;
    public String sealed;
    public Instant createdAt;
    public Instant retiredAt;
}
