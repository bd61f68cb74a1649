package io.fraudshield.cardlimit.reservation;

import io.fraudshield.cardlimit.rules.LimitSet;
import io.fraudshield.cardlimit.rules.Product;
import io.fraudshield.cardlimit.rules.ProductHolding;

import java.util.List;
import java.util.Map;

/** A customer's slots of one product at the calling bank, next to the limit in force (none for excluded categories). */
public record HoldingView(Product product, int active, int inactive, int held, Integer limit) {

    static List<HoldingView> of(Map<Product, ProductHolding> holdings, LimitSet limits) {
        return holdings.values().stream()
                .filter(h -> h.product().counted() || h.used() > 0)
                .map(h -> new HoldingView(h.product(), h.active(), h.inactive(), h.held(),
                        h.product().counted() ? limits.of(h.product()) : null))
                .toList();
    }
}
