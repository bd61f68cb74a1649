package io.fraudshield.common.money;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MoneyTest {

    @Test
    void keepsTwoDecimalsExactly() {
        assertEquals("0.30", Money.of("0.1").plus(Money.of("0.2")).toString());
        assertEquals("1250.00", Money.of(new BigDecimal("1250")).toString());
        assertEquals("9999999999999.99", Money.of("9999999999999.99").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "0.001", "10000000000000", "1e3x", "NaN", ""})
    void rejectsInvalidAmounts(String amount) {
        assertThrows(InvalidAmountException.class, () -> Money.of(amount));
    }

    @Test
    void subtractionNeverGoesToZeroOrBelow() {
        assertEquals("0.01", Money.of("10.00").minus(Money.of("9.99")).orElseThrow().toString());
        assertTrue(Money.of("10.00").minus(Money.of("10")).isEmpty());
        assertEquals(Money.of("3"), Money.of("3").min(Money.of("4")));
    }
}
