package io.fraudshield.cardlimit.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CardSlotPolicyTest {

    private static final LimitSet NATIONAL = new LimitSet(4, 1, 5, 5, 3);

    @ParameterizedTest(name = "{0} active + {1} inactive + {2} held debit cards -> {3}")
    @CsvSource({
            "0,0,0,ALLOW", "3,0,0,ALLOW", "2,1,0,ALLOW", "2,0,1,ALLOW",
            "4,0,0,DENY", "3,1,0,DENY", "3,0,1,DENY", "0,0,4,DENY"})
    void debitCardsStopAtFour(int active, int inactive, int held, Outcome expected) {
        Decision decision = decide(Product.DEBIT_CARD, Channel.ONLINE, holding(Product.DEBIT_CARD, active, inactive, held),
                OptionalInt.empty(), RestrictionStatus.CLEAR, false);
        assertEquals(expected, decision.outcome());
        if (expected == Outcome.DENY) {
            assertEquals(List.of(ReasonCode.DEBIT_CARD_LIMIT), decision.reasons());
        }
    }

    @Test
    void excludedCategoriesAreNeverCounted() {
        Decision decision = decide(Product.SOCIAL_SECURITY_CARD, Channel.COUNTER,
                holding(Product.SOCIAL_SECURITY_CARD, 40, 0, 0), OptionalInt.empty(), RestrictionStatus.CLEAR, false);
        assertEquals(Outcome.ALLOW, decision.outcome());
        assertEquals(List.of(ReasonCode.EXCLUDED_CATEGORY), decision.reasons());
    }

    @Test
    void accountClassesHaveTheirOwnLimits() {
        assertEquals(List.of(ReasonCode.CLASS_I_EXISTS), decide(Product.CLASS_I_ACCOUNT, Channel.COUNTER,
                holding(Product.CLASS_I_ACCOUNT, 1, 0, 0), OptionalInt.empty(), RestrictionStatus.CLEAR, false).reasons());
        assertEquals(Outcome.ALLOW, decide(Product.CLASS_II_ACCOUNT, Channel.ONLINE,
                holding(Product.CLASS_II_ACCOUNT, 4, 0, 0), OptionalInt.empty(), RestrictionStatus.CLEAR, false).outcome());
        assertEquals(List.of(ReasonCode.CLASS_II_LIMIT), decide(Product.CLASS_II_ACCOUNT, Channel.ONLINE,
                holding(Product.CLASS_II_ACCOUNT, 5, 0, 0), OptionalInt.empty(), RestrictionStatus.CLEAR, false).reasons());
        assertEquals(List.of(ReasonCode.CLASS_III_LIMIT), decide(Product.CLASS_III_ACCOUNT, Channel.ONLINE,
                holding(Product.CLASS_III_ACCOUNT, 3, 0, 2), OptionalInt.empty(), RestrictionStatus.CLEAR, false).reasons());
    }

    @Test
    void classIOnlyWithAnOnSiteIdentityCheck() {
        Decision online = decide(Product.CLASS_I_ACCOUNT, Channel.MOBILE_APP, holding(Product.CLASS_I_ACCOUNT, 0, 0, 0),
                OptionalInt.empty(), RestrictionStatus.CLEAR, false);
        assertEquals(List.of(ReasonCode.CHANNEL_NOT_ALLOWED), online.reasons());
    }

    @Test
    void agentsOpenAtMostThree() {
        assertEquals(Outcome.ALLOW, decide(Product.DEBIT_CARD, Channel.COUNTER, holding(Product.DEBIT_CARD, 0, 0, 0),
                OptionalInt.of(2), RestrictionStatus.CLEAR, false).outcome());
        assertEquals(List.of(ReasonCode.AGENT_LIMIT), decide(Product.DEBIT_CARD, Channel.COUNTER,
                holding(Product.DEBIT_CARD, 0, 0, 0), OptionalInt.of(3), RestrictionStatus.CLEAR, false).reasons());
    }

    @Test
    void legacyHoldersOverTheLimitAreNamedAsSuch() {
        Decision decision = decide(Product.DEBIT_CARD, Channel.COUNTER, holding(Product.DEBIT_CARD, 6, 0, 0),
                OptionalInt.empty(), RestrictionStatus.CLEAR, true);
        assertEquals(List.of(ReasonCode.OVER_LIMIT_LEGACY), decision.reasons());
    }

    @Test
    void anOverrideGrantsExactlyOneExtraSlot() {
        assertEquals(List.of(ReasonCode.OVERRIDE_APPLIED), decide(Product.DEBIT_CARD, Channel.COUNTER,
                holding(Product.DEBIT_CARD, 4, 0, 0), OptionalInt.empty(), RestrictionStatus.CLEAR, true).reasons());
        assertEquals(List.of(ReasonCode.DEBIT_CARD_LIMIT), decide(Product.DEBIT_CARD, Channel.COUNTER,
                holding(Product.DEBIT_CARD, 4, 0, 1), OptionalInt.empty(), RestrictionStatus.CLEAR, true).reasons());
    }

    @Test
    void restrictedPersonsAreDeniedAndUnknownIsNeverAllow() {
        assertEquals(Outcome.DENY, decide(Product.CLASS_III_ACCOUNT, Channel.ONLINE,
                holding(Product.CLASS_III_ACCOUNT, 0, 0, 0), OptionalInt.empty(), RestrictionStatus.RESTRICTED, false).outcome());
        ProductHolding none = holding(Product.DEBIT_CARD, 0, 0, 0);
        assertEquals(Outcome.REVIEW, decide(Product.DEBIT_CARD, Channel.COUNTER, none, OptionalInt.empty(),
                RestrictionStatus.UNKNOWN, false).outcome());
        assertEquals(Outcome.DENY, CardSlotPolicy.decide(new OpeningFacts(Product.DEBIT_CARD, Channel.COUNTER, NATIONAL,
                none, OptionalInt.empty(), RestrictionStatus.UNKNOWN, false, Outcome.DENY)).outcome());
        assertEquals(Outcome.REVIEW, CardSlotPolicy.decide(new OpeningFacts(Product.DEBIT_CARD, Channel.COUNTER, NATIONAL,
                none, OptionalInt.empty(), RestrictionStatus.UNKNOWN, false, Outcome.ALLOW)).outcome());
    }

    @Test
    void denyOutranksReviewAndReasonsAreListedMostSevereFirst() {
        Decision decision = decide(Product.DEBIT_CARD, Channel.COUNTER, holding(Product.DEBIT_CARD, 4, 0, 0),
                OptionalInt.of(3), RestrictionStatus.UNKNOWN, false);
        assertEquals(Outcome.DENY, decision.outcome());
        assertEquals(ReasonCode.RISK_SERVICE_UNAVAILABLE, decision.reasons().get(decision.reasons().size() - 1));
        assertEquals(3, decision.reasons().size());
    }

    private static Decision decide(Product product, Channel channel, ProductHolding holding, OptionalInt agent,
                                   RestrictionStatus restriction, boolean override) {
        return CardSlotPolicy.decide(new OpeningFacts(product, channel, NATIONAL, holding, agent, restriction, override,
                Outcome.REVIEW));
    }

    private static ProductHolding holding(Product product, int active, int inactive, int held) {
        return new ProductHolding(product, active, inactive, held);
    }
}
