package io.fraudshield.common.identifier;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AccountNumberTest {

    @Test
    void fullWidthDigitsAndSpacesNormaliseToOneAccount() {
        assertEquals(AccountNumber.of("6217000010012345678"), AccountNumber.of(" ６２１７００００１００１２３４５６７８ "));
    }

    @Test
    void aBankAccountNeedsNoLuhnCheckAndPrintsMasked() {
        AccountNumber account = AccountNumber.of("6217000010012345671");
        assertEquals("6217***********5671", account.masked());
        assertFalse(account.toString().contains("00001001"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567", "123456789012345678901234567890123", "11111111111", "6217-0000-1001", "62170000x1001", ""})
    void rejectsMalformedNumbers(String number) {
        assertThrows(InvalidIdentifierException.class, () -> AccountNumber.of(number));
    }
}
