package io.fraudshield.cardlimit.rules;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Everything a decision depends on, gathered before deciding.
 *
 * @param card               the category of the card issued with the account; null when none is issued
 * @param excluded           the card categories not counted (configuration)
 * @param paymentInstitution whether the caller is a payment institution (its Class III accounts are payment accounts)
 * @param holdings           the person's slots at this bank per limit (every limit present)
 * @param agentOpenCards     cards the agent has open or held for others at this bank; empty without an agent
 * @param overrideFor        the limit an approved, unused supervisor override for this person lifts by one
 */
public record OpeningFacts(AccountClass accountClass, CardCategory card, Channel channel, Set<CardCategory> excluded,
                           boolean paymentInstitution, LimitSet limits, Map<Limit, LimitHolding> holdings,
                           OptionalInt agentOpenCards, RestrictionStatus restriction, Optional<Limit> overrideFor,
                           Outcome whenRestrictionUnknown) {

    /** The limits this opening consumes. */
    public Set<Limit> consumed() {
        return Limit.consumedBy(accountClass, card, excluded, paymentInstitution);
    }
}
