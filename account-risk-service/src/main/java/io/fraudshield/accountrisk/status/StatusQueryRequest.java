package io.fraudshield.accountrisk.status;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** 1 to {@code accountrisk.status-query.max-accounts} (1,000) accounts, answered in the same order. */
public record StatusQueryRequest(@NotNull @Size(min = 1) List<@Valid @NotNull AccountQuery> accounts) {
}
