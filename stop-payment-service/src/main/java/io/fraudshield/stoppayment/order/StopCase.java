package io.fraudshield.stoppayment.order;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A police case: its agency and officer own every order and follow-up in it. */
@Entity
@Table(name = "stop_case")
public class StopCase {

    @Id
    public UUID id;
    public String caseNumber;
    public String agency;
    public String officer;
    /** The bureau head's approval for the major-case track (1-year freezes), as recorded on an order. */
    public String majorCaseApproval;
    public Instant createdAt;
}
