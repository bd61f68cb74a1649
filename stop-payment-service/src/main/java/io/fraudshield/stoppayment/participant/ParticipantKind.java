package io.fraudshield.stoppayment.participant;

/** Who takes part: banks and payment institutions receive orders; police agencies issue them. */
public enum ParticipantKind {
    BANK, PAYMENT_INSTITUTION, POLICE;

    public boolean receivesOrders() {
        return this != POLICE;
    }
}
