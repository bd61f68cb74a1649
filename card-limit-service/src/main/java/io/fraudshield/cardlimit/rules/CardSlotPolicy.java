package io.fraudshield.cardlimit.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The opening rules as one pure function (docs/rules.md A1, A2, A5). It needs no container to test; the
 * reservation service calls it while holding the person's row lock, so its answer cannot be raced.
 */
public final class CardSlotPolicy {

    private CardSlotPolicy() {
    }

    /**
     * One opening consumes all its limits or none: any limit reached denies the whole opening. A person
     * already over a consumed limit (stock, or two linked persons' union) is OVER_LIMIT_LEGACY.
     */
    public static Decision decide(OpeningFacts facts) {
        List<ReasonCode> reasons = new ArrayList<>();
        switch (facts.restriction()) {
            case RESTRICTED -> reasons.add(ReasonCode.PERSON_RESTRICTED);
            case UNKNOWN -> reasons.add(ReasonCode.RISK_SERVICE_UNAVAILABLE);
            case CLEAR -> { }
        }
        if (facts.accountClass() == AccountClass.CLASS_I && !facts.channel().identityCheckedOnSite()) {
            reasons.add(ReasonCode.CHANNEL_NOT_ALLOWED);
        }
        if (facts.agentOpenCards().isPresent()
                && facts.agentOpenCards().getAsInt() >= facts.limits().agentCards()) {
            reasons.add(ReasonCode.AGENT_LIMIT);
        }
        Set<Limit> consumed = facts.consumed();
        if (consumed.isEmpty()) {
            reasons.add(ReasonCode.EXCLUDED_CATEGORY);
        }
        boolean legacy = consumed.stream().anyMatch(limit -> facts.holdings().get(limit).open() > facts.limits().of(limit));
        if (legacy) {
            reasons.add(ReasonCode.OVER_LIMIT_LEGACY);
        } else {
            for (Limit limit : consumed) {
                int max = facts.limits().of(limit);
                int extra = facts.overrideFor().filter(limit::equals).isPresent() ? 1 : 0;
                int used = facts.holdings().get(limit).used();
                if (used >= max + extra) {
                    reasons.add(limit.reason());
                } else if (used >= max) {
                    reasons.add(ReasonCode.OVERRIDE_APPLIED);
                }
            }
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
