package io.fraudshield.stoppayment.participant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** Card BINs (first 6 digits) from {@code binFrom} to {@code binTo} belong to {@code participant}. */
@Entity
@Table(name = "participant_bin_range")
public class BinRange {

    @Id
    public UUID id;
    public String participant;
    public String binFrom;
    public String binTo;
}
