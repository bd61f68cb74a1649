package io.fraudshield.stoppayment.marker;

import java.time.Instant;
import java.util.UUID;

/** What the account-risk delivery needs to add or revoke one order's marker (sealed in the outbox). */
public record MarkerCommand(UUID orderId, String bank, String accountNumber, String category, String reasonCode,
                            Instant validFrom, String revocationReason) {

    @Override
    public String toString() {
        return "MarkerCommand[" + orderId + "]";
    }
}
