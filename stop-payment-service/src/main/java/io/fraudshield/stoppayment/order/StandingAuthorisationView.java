package io.fraudshield.stoppayment.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

public record StandingAuthorisationView(UUID id, String caseNumber, String officer, int maxLayer, BigDecimal maxAmount,
                                        Instant validUntil, String legalBasis, Instant createdAt) {

    static StandingAuthorisationView of(StandingAuthorisation a, String caseNumber) {
        return new StandingAuthorisationView(a.id, caseNumber, a.officer, a.maxLayer, a.maxAmount, a.validUntil,
                a.legalBasis, a.createdAt);
    }
}
