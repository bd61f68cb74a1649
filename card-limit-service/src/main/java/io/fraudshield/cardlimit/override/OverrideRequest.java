package io.fraudshield.cardlimit.override;

import io.fraudshield.cardlimit.rules.Limit;
import io.fraudshield.common.identifier.PersonDocument;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A request for one slot over the limit, with the reason a supervisor will check (确有正当理由). */
public record OverrideRequest(@NotNull PersonDocument customer, @NotNull Limit limitKind,
                              @NotNull @Size(min = 10, max = 500) String reason) {
}
