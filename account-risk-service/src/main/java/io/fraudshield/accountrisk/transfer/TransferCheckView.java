package io.fraudshield.accountrisk.transfer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fraudshield.accountrisk.status.AccountStatus;

import java.time.Instant;
import java.util.List;

/**
 * The decision: ALLOW, WARN (show {@code warnings} to the payer), DELAY (credit no earlier than
 * {@code creditAfter}; the payer may revoke until then) or BLOCK, with every reason that applied.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransferCheckView(TransferOutcome outcome, List<String> reasons, Long delayHours, Instant creditAfter,
                                List<TransferPolicy.Warning> warnings, AccountStatus payerStatus,
                                AccountStatus payeeStatus) {
}
