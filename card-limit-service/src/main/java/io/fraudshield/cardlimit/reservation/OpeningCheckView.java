package io.fraudshield.cardlimit.reservation;

import io.fraudshield.cardlimit.rules.Outcome;
import io.fraudshield.cardlimit.rules.Product;
import io.fraudshield.cardlimit.rules.ReasonCode;

import java.util.List;

/** The answer to a dry-run check: nothing is held. */
public record OpeningCheckView(Outcome decision, List<ReasonCode> reasons, String customerRef, Product product,
                               List<HoldingView> holdings) {
}
