package io.fraudshield.accountrisk.appeal;

import java.time.Instant;
import java.util.UUID;

/** An appeal as its filing bank, the listing agency and regulators see it; {@code overdue} once past {@code dueBy} undecided. */
public record AppealView(UUID id, UUID restrictionId, String filingBank, String grounds, AppealState state,
                         Instant filedAt, Instant dueBy, boolean overdue, String decidedBy, Instant decidedAt,
                         String decisionReason) {

    static AppealView of(Appeal a, Instant now) {
        return new AppealView(a.id, a.restrictionId, a.filingBank, a.grounds, a.state, a.filedAt, a.dueBy,
                a.state == AppealState.FILED && now.isAfter(a.dueBy), a.decidedBy, a.decidedAt, a.decisionReason);
    }
}
