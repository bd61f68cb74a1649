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
    @ValueSource(strings = {"0", "-1", "0.001", "10000000000000", "1e3x", "NaN", "", "1e2", "+5", " 5", "5 ", "\n5",
            "0005.00", "5.", ".5", "1.000", "0.00"})
    void rejectsInvalidAmounts(String amount) {
        assertThrows(InvalidAmountException.class, () -> Money.of(amount));
    }

    @Test
    void subtractionNeverGoesToZeroOrBelow() {
        assertEquals("0.01", Money.of("10.00").minus(Money.of("9.99")).orElseThrow().toString());
        assertTrue(Money.of("10.00").minus(Money.of("10")).isEmpty());
        assertEquals(Money.of("3"), Money.of("3").min(Money.of("4")));
    }

    @Test
    void aHugeStringIsRefusedBeforeAnyArithmetic() {
        String huge = "1" + "0".repeat(200_000);
        long started = System.nanoTime();
        assertThrows(InvalidAmountException.class, () -> Money.of(huge));
        assertTrue(System.nanoTime() - started < java.util.concurrent.TimeUnit.SECONDS.toNanos(1),
                "refused by its form, not after a quadratic conversion");
    }

    @Test
    void aJsonNumberNeverBecomesMoney() {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        new io.fraudshield.common.http.StrictJson().customize(json);
        for (String number : new String[]{"-5.123", "1e30", "0.001", "12.5"}) {
            assertThrows(Exception.class, () -> json.readValue(number, Money.class), number);
        }
        assertEquals(Money.of("12.50"), assertDoesNotThrowReading(json, "\"12.50\""));
    }

    private static Money assertDoesNotThrowReading(com.fasterxml.jackson.databind.ObjectMapper json, String text) {
        try {
            return json.readValue(text, Money.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
