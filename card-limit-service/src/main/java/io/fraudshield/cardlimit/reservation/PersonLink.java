package io.fraudshield.cardlimit.reservation;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One document reference (under one key) of a person: every reference of a person counts as that person. */
@Entity
@Table(name = "person_link")
public class PersonLink {

    @Id
    public String personRef;
    public UUID personId;
    public Instant linkedAt;
}
