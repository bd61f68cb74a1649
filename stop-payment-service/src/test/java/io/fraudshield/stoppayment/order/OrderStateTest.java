package io.fraudshield.stoppayment.order;

import io.fraudshield.common.problem.IllegalTransitionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OrderStateTest {

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource({
            "PENDING_APPROVAL, ISSUED, true",
            "PENDING_APPROVAL, EXECUTED, false",
            "ISSUED, ACKNOWLEDGED, true",
            "ISSUED, EXECUTED, true",
            "ISSUED, NOT_EXECUTED, true",
            "ISSUED, RELEASED, false",
            "ACKNOWLEDGED, PARTIALLY_EXECUTED, true",
            "ACKNOWLEDGED, ISSUED, false",
            "EXECUTED, PARTIALLY_EXECUTED, false",
            "EXECUTED, EXPIRED, true",
            "PARTIALLY_EXECUTED, RELEASED, true",
            "NOT_EXECUTED, EXPIRED, false",
            "EXPIRED, RELEASED, false",
            "RELEASED, EXPIRED, false",
    })
    void transitions(OrderState from, OrderState to, boolean allowed) {
        if (allowed) {
            assertEquals(to, from.to(to));
        } else {
            assertThrows(IllegalTransitionException.class, () -> from.to(to));
        }
    }
}
