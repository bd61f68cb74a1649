package io.fraudshield.cardlimit.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CardSlotPolicyTest {

    private static final LimitSet NATIONAL = new LimitSet(4, 1, 5, 5, 1, 3);
    private static final Set<CardCategory> DEFAULT_EXCLUDED = EnumSet.of(CardCategory.SOCIAL_SECURITY_CARD,
            CardCategory.MEDICAL_INSURANCE_CARD, CardCategory.MILITARY_SECURITY_CARD);

    /**
     * Holdings are {@code LIMIT=active/inactive/held} separated by spaces; excluded {@code default} is the
     * configured default list, {@code none} an empty one; reasons most severe first, {@code -} for none.
     */
    @ParameterizedTest(name = "{0} + {1}, excluded {2}, PI {3}, holding [{4}], override {5}, {6}, {7} -> {8} {9}")
    @CsvSource(delimiter = '|', textBlock = """
            CLASS_II  | DEBIT_CARD             | default | false |                                        |                   | COUNTER    | CLEAR      | ALLOW  | -
            CLASS_II  | DEBIT_CARD             | default | false | DEBIT_CARDS=3/0/0                      |                   | ONLINE     | CLEAR      | ALLOW  | -
            CLASS_II  | DEBIT_CARD             | default | false | DEBIT_CARDS=2/1/1                      |                   | ONLINE     | CLEAR      | DENY   | DEBIT_CARD_LIMIT
            CLASS_II  | DEBIT_CARD             | default | false | DEBIT_CARDS=0/0/4                      |                   | COUNTER    | CLEAR      | DENY   | DEBIT_CARD_LIMIT
            CLASS_I   | DEBIT_CARD             | default | false | DEBIT_CARDS=4/0/0                      |                   | COUNTER    | CLEAR      | DENY   | DEBIT_CARD_LIMIT
            CLASS_II  |                        | default | false | DEBIT_CARDS=4/0/0 CLASS_II_ACCOUNTS=4/0/0 |                | ONLINE     | CLEAR      | ALLOW  | -
            CLASS_II  | DEBIT_CARD             | default | false | CLASS_II_ACCOUNTS=5/0/0                |                   | ONLINE     | CLEAR      | DENY   | CLASS_II_LIMIT
            CLASS_II  | DEBIT_CARD             | default | false | DEBIT_CARDS=4/0/0 CLASS_II_ACCOUNTS=5/0/0 |                | ONLINE     | CLEAR      | DENY   | DEBIT_CARD_LIMIT CLASS_II_LIMIT
            CLASS_I   |                        | default | false | CLASS_I_ACCOUNTS=1/0/0                 |                   | COUNTER    | CLEAR      | DENY   | CLASS_I_EXISTS
            CLASS_I   |                        | default | false |                                        |                   | MOBILE_APP | CLEAR      | DENY   | CHANNEL_NOT_ALLOWED
            CLASS_I   |                        | default | false |                                        |                   | STAFFED_SELF_SERVICE | CLEAR | ALLOW | -
            CLASS_III |                        | default | false | CLASS_III_ACCOUNTS=3/0/2               |                   | ONLINE     | CLEAR      | DENY   | CLASS_III_LIMIT
            CLASS_III |                        | default | false | CLASS_III_ACCOUNTS=4/0/0 DEBIT_CARDS=4/0/0 |               | ONLINE     | CLEAR      | ALLOW  | -
            CLASS_III |                        | default | true  | CLASS_III_ACCOUNTS=5/0/0               |                   | ONLINE     | CLEAR      | ALLOW  | -
            CLASS_III |                        | default | true  | PAYMENT_ACCOUNTS=1/0/0                 |                   | ONLINE     | CLEAR      | DENY   | PAYMENT_ACCOUNT_LIMIT
            CLASS_III |                        | default | true  | PAYMENT_ACCOUNTS=0/0/1                 |                   | ONLINE     | CLEAR      | DENY   | PAYMENT_ACCOUNT_LIMIT
            CLASS_II  | SOCIAL_SECURITY_CARD   | default | false | DEBIT_CARDS=40/0/0 CLASS_II_ACCOUNTS=9/0/0 |               | COUNTER    | CLEAR      | ALLOW  | EXCLUDED_CATEGORY
            CLASS_II  | MOBILE_PAYMENT_CARD    | default | false | DEBIT_CARDS=4/0/0                      |                   | COUNTER    | CLEAR      | DENY   | DEBIT_CARD_LIMIT
            CLASS_II  | MOBILE_PAYMENT_CARD    | MOBILE_PAYMENT_CARD | false | DEBIT_CARDS=4/0/0          |                   | COUNTER    | CLEAR      | ALLOW  | EXCLUDED_CATEGORY
            CLASS_II  | SOCIAL_SECURITY_CARD   | none    | false | DEBIT_CARDS=4/0/0                      |                   | COUNTER    | CLEAR      | DENY   | DEBIT_CARD_LIMIT
            CLASS_II  | DEBIT_CARD             | default | false | DEBIT_CARDS=6/0/0                      | DEBIT_CARDS       | COUNTER    | CLEAR      | DENY   | OVER_LIMIT_LEGACY
            CLASS_II  |                        | default | false | CLASS_I_ACCOUNTS=2/0/0                 |                   | COUNTER    | CLEAR      | ALLOW  | -
            CLASS_I   |                        | default | false | CLASS_I_ACCOUNTS=2/0/0                 |                   | COUNTER    | CLEAR      | DENY   | OVER_LIMIT_LEGACY
            CLASS_II  | DEBIT_CARD             | default | false | DEBIT_CARDS=4/0/0                      | DEBIT_CARDS       | COUNTER    | CLEAR      | ALLOW  | OVERRIDE_APPLIED
            CLASS_II  | DEBIT_CARD             | default | false | DEBIT_CARDS=4/0/1                      | DEBIT_CARDS       | COUNTER    | CLEAR      | DENY   | DEBIT_CARD_LIMIT
            CLASS_II  | DEBIT_CARD             | default | false | DEBIT_CARDS=4/0/0 CLASS_II_ACCOUNTS=5/0/0 | DEBIT_CARDS    | COUNTER    | CLEAR      | DENY   | CLASS_II_LIMIT OVERRIDE_APPLIED
            CLASS_II  | DEBIT_CARD             | default | false | DEBIT_CARDS=4/0/0                      | CLASS_II_ACCOUNTS | COUNTER    | CLEAR      | DENY   | DEBIT_CARD_LIMIT
            CLASS_III |                        | default | false |                                        |                   | ONLINE     | RESTRICTED | DENY   | PERSON_RESTRICTED
            CLASS_II  | DEBIT_CARD             | default | false |                                        |                   | COUNTER    | UNKNOWN    | REVIEW | RISK_SERVICE_UNAVAILABLE
            CLASS_II  | DEBIT_CARD             | default | false | DEBIT_CARDS=4/0/0                      |                   | COUNTER    | UNKNOWN    | DENY   | DEBIT_CARD_LIMIT RISK_SERVICE_UNAVAILABLE
            """)
    void decides(AccountClass accountClass, CardCategory card, String excluded, boolean paymentInstitution,
                 String holdings, Limit override, Channel channel, RestrictionStatus restriction, Outcome outcome,
                 String reasons) {
        Decision decision = CardSlotPolicy.decide(new OpeningFacts(accountClass, card, channel, excluded(excluded),
                paymentInstitution, NATIONAL, holdings(holdings), OptionalInt.empty(), restriction,
                Optional.ofNullable(override), Outcome.REVIEW));
        assertEquals(outcome, decision.outcome());
        assertEquals(reasons.equals("-") ? List.of()
                : Arrays.stream(reasons.split(" ")).map(ReasonCode::valueOf).toList(), decision.reasons());
    }

    @Test
    void oneOpeningConsumesTheAccountClassAndTheDebitCardOrNothing() {
        assertEquals(EnumSet.of(Limit.CLASS_I_ACCOUNTS, Limit.DEBIT_CARDS),
                Limit.consumedBy(AccountClass.CLASS_I, CardCategory.DEBIT_CARD, DEFAULT_EXCLUDED, false));
        assertEquals(EnumSet.of(Limit.CLASS_II_ACCOUNTS),
                Limit.consumedBy(AccountClass.CLASS_II, null, DEFAULT_EXCLUDED, false));
        assertEquals(EnumSet.of(Limit.PAYMENT_ACCOUNTS),
                Limit.consumedBy(AccountClass.CLASS_III, null, DEFAULT_EXCLUDED, true));
        assertEquals(EnumSet.noneOf(Limit.class),
                Limit.consumedBy(AccountClass.CLASS_II, CardCategory.MILITARY_SECURITY_CARD, DEFAULT_EXCLUDED, false));
    }

    @Test
    void agentsOpenAtMostThree() {
        assertEquals(Outcome.ALLOW, withAgent(2).outcome());
        assertEquals(List.of(ReasonCode.AGENT_LIMIT), withAgent(3).reasons());
    }

    @Test
    void anUnknownRestrictionIsDenyWhenConfiguredSoAndNeverAllow() {
        for (Outcome configured : List.of(Outcome.DENY, Outcome.REVIEW, Outcome.ALLOW)) {
            Outcome expected = configured == Outcome.DENY ? Outcome.DENY : Outcome.REVIEW;
            assertEquals(expected, CardSlotPolicy.decide(new OpeningFacts(AccountClass.CLASS_II, CardCategory.DEBIT_CARD,
                    Channel.COUNTER, DEFAULT_EXCLUDED, false, NATIONAL, holdings(null), OptionalInt.empty(),
                    RestrictionStatus.UNKNOWN, Optional.empty(), configured)).outcome());
        }
    }

    private static Decision withAgent(int agentCards) {
        return CardSlotPolicy.decide(new OpeningFacts(AccountClass.CLASS_II, CardCategory.DEBIT_CARD, Channel.COUNTER,
                DEFAULT_EXCLUDED, false, NATIONAL, holdings(null), OptionalInt.of(agentCards), RestrictionStatus.CLEAR,
                Optional.empty(), Outcome.REVIEW));
    }

    private static Set<CardCategory> excluded(String text) {
        return switch (text) {
            case "default" -> DEFAULT_EXCLUDED;
            case "none" -> EnumSet.noneOf(CardCategory.class);
            default -> EnumSet.copyOf(Arrays.stream(text.split(" ")).map(CardCategory::valueOf).toList());
        };
    }

    private static Map<Limit, LimitHolding> holdings(String text) {
        Map<Limit, LimitHolding> holdings = new EnumMap<>(Limit.class);
        for (Limit limit : Limit.values()) {
            holdings.put(limit, LimitHolding.none(limit));
        }
        if (text != null) {
            for (String entry : text.trim().split("\\s+")) {
                String[] parts = entry.split("=");
                String[] counts = parts[1].split("/");
                Limit limit = Limit.valueOf(parts[0]);
                holdings.put(limit, new LimitHolding(limit, Integer.parseInt(counts[0]), Integer.parseInt(counts[1]),
                        Integer.parseInt(counts[2])));
            }
        }
        return holdings;
    }
}
