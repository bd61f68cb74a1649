package io.fraudshield.cardlimit.regulator;

import io.fraudshield.common.identifier.PersonDocument;
import jakarta.validation.constraints.NotNull;

/** Whose holdings across banks the regulator asks about; the document travels in the body, never in a URL. */
public record CrossBankQuery(@NotNull PersonDocument customer) {
}
