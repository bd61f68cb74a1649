package io.fraudshield.accountrisk.transfer;

import io.fraudshield.common.money.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * A transfer about to be made. {@code ownAccount} is the bank's statement that the payee account belongs to
 * the payer (ATM transfers to one's own account at the same bank are not delayed); {@code purpose} defaults to OTHER.
 */
public record TransferCheckRequest(@NotNull @Valid TransferParty payer, @NotNull @Valid TransferParty payee,
                                   @NotNull Money amount, @NotNull TransferChannel channel, boolean ownAccount,
                                   Purpose purpose) {
}
