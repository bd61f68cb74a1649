package io.fraudshield.cardlimit.rules;

import org.junit.jupiter.api.Test;

import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bank may tighten a national limit, never loosen it: a loosening setting stops the service at start-up. */
class RuleBookTest {

    private static final LimitSet NATIONAL = new LimitSet(4, 1, 5, 5, 1, 3);

    @Test
    void aBankMayTightenALimit() {
        LimitSet b102 = RuleBook.tightened(NATIONAL, "B102", bank(OptionalInt.of(3), OptionalInt.empty()));
        assertEquals(new LimitSet(3, 1, 5, 5, 1, 3), b102);
    }

    @Test
    void aBankSettingAboveTheNationalLimitIsAStartUpError() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> RuleBook.tightened(NATIONAL, "B102", bank(OptionalInt.of(5), OptionalInt.of(4))));
        assertTrue(error.getMessage().contains("B102"));
        assertTrue(error.getMessage().contains("debit-cards-per-bank=5 > 4"), error.getMessage());
        assertTrue(error.getMessage().contains("agent-cards-per-bank=4 > 3"), error.getMessage());
    }

    private static CardLimitConfig.BankLimits bank(OptionalInt debitCards, OptionalInt agentCards) {
        return new CardLimitConfig.BankLimits() {
            @Override
            public OptionalInt debitCardsPerBank() {
                return debitCards;
            }

            @Override
            public OptionalInt classIAccountsPerBank() {
                return OptionalInt.empty();
            }

            @Override
            public OptionalInt classIiAccountsPerBank() {
                return OptionalInt.empty();
            }

            @Override
            public OptionalInt classIiiAccountsPerBank() {
                return OptionalInt.empty();
            }

            @Override
            public OptionalInt paymentAccountsPerInstitution() {
                return OptionalInt.empty();
            }

            @Override
            public OptionalInt agentCardsPerBank() {
                return agentCards;
            }
        };
    }
}
