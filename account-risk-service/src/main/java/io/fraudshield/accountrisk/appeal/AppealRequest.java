package io.fraudshield.accountrisk.appeal;

import io.fraudshield.common.identifier.PersonDocument;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A bank's appeal for its customer against the restriction in force; grounds up to 2,000 characters (docs/rules.md B1). */
public record AppealRequest(@NotNull PersonDocument customer, @NotNull @Size(min = 10, max = 2000) String grounds) {
}
