package io.fraudshield.common.identifier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PersonDocumentTest {

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002X", "440524188001010014"})
    void acceptsValidResidentIds(String number) {
        assertEquals(number, ResidentId.parse(number));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "110105194912310021", // wrong check character
            "11010519491231002", // 17 characters
            "11010519491231002X1", // 19 characters
            "110105190002290017", // 1900-02-29 does not exist (check character itself is right)
            "1101051949123100X2", // X not at the end
            "000105194912310021", // no such province
            "110105230012310028", // born in the future
    })
    void rejectsMalformedResidentIds(String number) {
        assertThrows(InvalidIdentifierException.class, () -> ResidentId.parse(number));
    }

    @Test
    void lowerCaseXAndFullWidthDigitsAreTheSamePerson() {
        PersonDocument canonical = PersonDocument.of(DocumentType.RESIDENT_ID, "11010519491231002X");
        assertEquals(canonical, PersonDocument.of(DocumentType.RESIDENT_ID, "11010519491231002x"));
        assertEquals(canonical, PersonDocument.of(DocumentType.RESIDENT_ID, "１１０１０５１９４９１２３１００２Ｘ"));
        assertEquals(canonical, PersonDocument.of(DocumentType.RESIDENT_ID, "  11010519491231002X\t"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u200B11010519491231002X", "110105\u200D19491231002X", "11010519491231002X\uFEFF",
            "110105 19491231002X"})
    void rejectsInvisibleAndInnerSpaceCharacters(String number) {
        assertThrows(InvalidIdentifierException.class, () -> PersonDocument.of(DocumentType.RESIDENT_ID, number));
    }

    @Test
    void convertsLegacyFifteenDigitIds() {
        // 110105491231002 is the 1989 form of 11010519491231002X
        assertEquals("11010519491231002X", ResidentId.parse("110105491231002"));
    }

    @Test
    void checksPermitsByTheirRegion() {
        String hongKong = withCheck("81000019900101001");
        assertEquals(hongKong, PersonDocument.of(DocumentType.HK_MACAO_RESIDENCE_PERMIT, hongKong).canonicalNumber());
        assertThrows(InvalidIdentifierException.class,
                () -> PersonDocument.of(DocumentType.TAIWAN_RESIDENCE_PERMIT, hongKong));
        assertThrows(InvalidIdentifierException.class, () -> PersonDocument.of(DocumentType.RESIDENT_ID, hongKong));
        String taiwan = withCheck("83000019900101001");
        assertEquals(taiwan, PersonDocument.of(DocumentType.TAIWAN_RESIDENCE_PERMIT, taiwan).canonicalNumber());
    }

    @Test
    void acceptsBothForeignPermanentResidentFormats() {
        assertEquals("USA123456789012",
                PersonDocument.of(DocumentType.FOREIGN_PERMANENT_RESIDENT_ID, "usa123456789012").canonicalNumber());
        String modern = withCheck("93384019900101001");
        assertEquals(modern, PersonDocument.of(DocumentType.FOREIGN_PERMANENT_RESIDENT_ID, modern).canonicalNumber());
        assertThrows(InvalidIdentifierException.class,
                () -> PersonDocument.of(DocumentType.FOREIGN_PERMANENT_RESIDENT_ID, "US1234567890123"));
    }

    @Test
    void passportsAreNormalisedAndBounded() {
        assertEquals("E12345678", PersonDocument.of(DocumentType.PASSPORT, " e12345678 ", "usa").canonicalNumber());
        assertThrows(InvalidIdentifierException.class, () -> PersonDocument.of(DocumentType.PASSPORT, "E12", "USA"));
        assertThrows(InvalidIdentifierException.class, () -> PersonDocument.of(DocumentType.PASSPORT, "E123-4567", "USA"));
    }

    @Test
    void aPassportIsIdentifiedByItsIssuingStateAndNumber() {
        PersonDocument american = PersonDocument.of(DocumentType.PASSPORT, "E12345678", "USA");
        PersonDocument german = PersonDocument.of(DocumentType.PASSPORT, "E12345678", "DEU");
        assertEquals("USA/E12345678", american.identityKey());
        assertNotEquals(american, german);
        assertThrows(InvalidIdentifierException.class, () -> PersonDocument.of(DocumentType.PASSPORT, "E12345678"),
                "a passport without its issuing state could be two people");
        assertThrows(InvalidIdentifierException.class, () -> PersonDocument.of(DocumentType.PASSPORT, "E12345678", "US"));
        assertThrows(InvalidIdentifierException.class,
                () -> PersonDocument.of(DocumentType.RESIDENT_ID, "11010519491231002X", "CHN"));
    }

    @Test
    void masksAndNeverPrintsTheNumber() {
        PersonDocument document = PersonDocument.of(DocumentType.RESIDENT_ID, "11010519491231002X");
        assertEquals("110105********002X", document.masked());
        assertFalse(document.toString().contains("19491231"));
        assertTrue(document.toString().startsWith("RESIDENT_ID:"));
    }

    @Test
    void errorMessagesNeverEchoTheNumber() {
        var error = assertThrows(InvalidIdentifierException.class, () -> ResidentId.parse("110105194912310021"));
        assertFalse(error.getMessage().contains("110105"));
    }

    private static String withCheck(String first17) {
        return first17 + Mod11Check.checkCharacter(first17);
    }
}
