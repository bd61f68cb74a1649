package io.fraudshield.cardlimit.reservation;

import io.fraudshield.cardlimit.rules.Limit;
import io.fraudshield.cardlimit.rules.LimitHolding;
import io.fraudshield.cardlimit.rules.LimitSet;

import java.util.List;
import java.util.Map;

/**
 * A person's slots that consume one limit at the calling bank (over all the person's linked documents), next
 * to the limit in force there.
 */
public record HoldingView(Limit limit, int active, int inactive, int held, int inForce) {

    static List<HoldingView> of(Map<Limit, LimitHolding> holdings, LimitSet limits, boolean paymentInstitution) {
        return holdings.values().stream()
                .filter(h -> (h.limit() == Limit.PAYMENT_ACCOUNTS) == paymentInstitution)
                .map(h -> new HoldingView(h.limit(), h.active(), h.inactive(), h.held(), limits.of(h.limit())))
                .toList();
    }
}
