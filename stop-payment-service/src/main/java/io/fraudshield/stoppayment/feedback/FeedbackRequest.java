package io.fraudshield.stoppayment.feedback;

import io.fraudshield.common.money.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/**
 * A bank's feedback on one order (docs/rules.md A6): ACKNOWLEDGED, then EXECUTED / PARTIALLY_EXECUTED /
 * NOT_EXECUTED with the amount stopped (≤ requested), the reason for what was not, earlier freezes by other
 * authorities, the effective time and the onward transfers the money took. {@link FeedbackPolicy} checks the
 * combination.
 */
public record FeedbackRequest(@NotNull FeedbackStatus status, NotExecutedReason reason, Money stoppedAmount,
                              Instant effectiveAt, @Size(max = 20) List<@Valid @NotNull PriorFreeze> priorFreezes,
                              @Size(max = 100) List<@Valid @NotNull OnwardTransferReport> onwardTransfers) {

    public List<OnwardTransferReport> transfers() {
        return onwardTransfers == null ? List.of() : onwardTransfers;
    }
}
