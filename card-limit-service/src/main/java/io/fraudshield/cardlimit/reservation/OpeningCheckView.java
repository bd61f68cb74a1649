package io.fraudshield.cardlimit.reservation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fraudshield.cardlimit.rules.AccountClass;
import io.fraudshield.cardlimit.rules.CardCategory;
import io.fraudshield.cardlimit.rules.Outcome;
import io.fraudshield.cardlimit.rules.ReasonCode;

import java.util.List;

/** The answer to a dry-run check: nothing is held. {@code cardCategory} is absent when no card would be issued. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OpeningCheckView(Outcome decision, List<ReasonCode> reasons, String customerRef, AccountClass accountClass,
                               CardCategory cardCategory, List<HoldingView> holdings) {
}
