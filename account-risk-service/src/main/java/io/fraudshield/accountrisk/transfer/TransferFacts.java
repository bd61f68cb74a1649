package io.fraudshield.accountrisk.transfer;

import io.fraudshield.accountrisk.status.AccountStatus;

import java.math.BigDecimal;

/**
 * What the rules look at: both accounts' statuses, whether the payer is under a non-counter suspension,
 * the channel, the amount, whether the payee is the payer's own account at the same bank, and the purpose.
 */
public record TransferFacts(AccountStatus payerStatus, AccountStatus payeeStatus, boolean payerNonCounterSuspended,
                            TransferChannel channel, BigDecimal amount, boolean ownAccountSameBank, Purpose purpose,
                            boolean purposeExempt) {
}
