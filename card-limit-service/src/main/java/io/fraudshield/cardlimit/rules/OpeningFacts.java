package io.fraudshield.cardlimit.rules;

import java.util.OptionalInt;

/**
 * Everything a decision depends on, gathered before deciding.
 *
 * @param holding          the customer's slots of the requested product at this bank
 * @param agentOpenCards   cards the agent has open or held for others at this bank; empty without an agent
 * @param overrideApproved an approved, unused supervisor override for this customer and product
 */
public record OpeningFacts(Product product, Channel channel, LimitSet limits, ProductHolding holding,
                           OptionalInt agentOpenCards, RestrictionStatus restriction, boolean overrideApproved,
                           Outcome whenRestrictionUnknown) {
}
