package io.fraudshield.stoppayment.trail;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FollowUpPolicyTest {

    @ParameterizedTest(name = "parent layer {0}, transferred {1}, missing {2}: {3}")
    @CsvSource({
            "1, 500.00, 1000.00, 500.00",
            "1, 1500.00, 1000.00, 1000.00",
            "4, 500.00, 1000.00, 500.00",
            "5, 500.00, 1000.00, LAYER_LIMIT",
            "2, 500.00, 0.00, NOTHING_MISSING",
    })
    void decisions(int parentLayer, BigDecimal transferred, BigDecimal missing, String expected) {
        FollowUpPolicy.Decision decision = new FollowUpPolicy(5).decide(parentLayer, transferred, missing);
        assertEquals(expected, decision.follows() ? decision.amount().toPlainString() : decision.notFollowed().name());
        if (decision.follows()) {
            assertEquals(parentLayer + 1, decision.layer());
        }
    }
}
