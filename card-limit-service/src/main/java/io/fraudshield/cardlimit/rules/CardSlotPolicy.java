package io.fraudshield.cardlimit.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The opening rules as one pure function (RULES.md A1, A2, A5). It needs no container to test; the
 * reservation service calls it while holding the customer's row lock, so its answer cannot be raced.
 */
public final class CardSlotPolicy {

    private CardSlotPolicy() {
    }

    public static Decision decide(OpeningFacts facts) {
        List<ReasonCode> reasons = new ArrayList<>();
        Product product = facts.product();
        switch (facts.restriction()) {
            case RESTRICTED -> reasons.add(ReasonCode.PERSON_RESTRICTED);
            case UNKNOWN -> reasons.add(ReasonCode.RISK_SERVICE_UNAVAILABLE);
            case CLEAR -> { }
        }
        if (product == Product.CLASS_I_ACCOUNT && !facts.channel().identityCheckedOnSite()) {
            reasons.add(ReasonCode.CHANNEL_NOT_ALLOWED);
        }
        if (facts.agentOpenCards().isPresent()
                && facts.agentOpenCards().getAsInt() >= facts.limits().agentCards()) {
            reasons.add(ReasonCode.AGENT_LIMIT);
        }
        if (product.counted()) {
            int limit = facts.limits().of(product);
            int extra = facts.overrideApproved() ? 1 : 0;
            if (facts.holding().open() > limit) {
                reasons.add(ReasonCode.OVER_LIMIT_LEGACY);
            } else if (facts.holding().used() >= limit + extra) {
                reasons.add(LimitSet.limitReason(product));
            } else if (facts.holding().used() >= limit) {
                reasons.add(ReasonCode.OVERRIDE_APPLIED);
            }
        } else {
            reasons.add(ReasonCode.EXCLUDED_CATEGORY);
        }
        reasons.sort(Comparator.comparing((ReasonCode reason) -> reason.severity()).reversed());
        return new Decision(outcome(reasons, facts.whenRestrictionUnknown()), List.copyOf(reasons));
    }

    private static Outcome outcome(List<ReasonCode> reasons, Outcome whenRestrictionUnknown) {
        Outcome worst = Outcome.ALLOW;
        for (ReasonCode reason : reasons) {
            Outcome severity = reason == ReasonCode.RISK_SERVICE_UNAVAILABLE && whenRestrictionUnknown == Outcome.DENY
                    ? Outcome.DENY : reason.severity();
            if (severity.compareTo(worst) > 0) {
                worst = severity;
            }
        }
        return worst;
    }
}
