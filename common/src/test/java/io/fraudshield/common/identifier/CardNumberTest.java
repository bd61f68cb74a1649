package io.fraudshield.common.identifier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CardNumberTest {

    private static final String VALID = "6222021234567894";

    @Test
    void acceptsAValidCard() {
        CardNumber card = CardNumber.of(VALID);
        assertEquals("622202", card.bin());
        assertEquals("7894", card.last4());
        assertEquals("622202******7894", card.masked());
        assertFalse(card.toString().contains("123456"));
    }

    @Test
    void anySingleDigitChangedFails() {
        for (int position = 0; position < VALID.length(); position++) {
            for (char digit = '0'; digit <= '9'; digit++) {
                if (digit == VALID.charAt(position)) {
                    continue;
                }
                String changed = VALID.substring(0, position) + digit + VALID.substring(position + 1);
                assertThrows(InvalidIdentifierException.class, () -> CardNumber.of(changed), changed);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000000000000000", "00000000000", "62220212345678940000", "6222-0212-3456-7894",
            "62220212345678９4x", ""})
    void rejectsMalformedNumbers(String number) {
        assertThrows(InvalidIdentifierException.class, () -> CardNumber.of(number));
    }

    @Test
    void fullWidthDigitsAreTheSameCard() {
        assertEquals(CardNumber.of(VALID), CardNumber.of("６２２２０２１２３４５６７８９４"));
    }
}
