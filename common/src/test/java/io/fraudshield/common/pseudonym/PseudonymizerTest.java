package io.fraudshield.common.pseudonym;

import io.fraudshield.common.identifier.CardNumber;
import io.fraudshield.common.identifier.DocumentType;
import io.fraudshield.common.identifier.PersonDocument;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PseudonymizerTest {

    private static final String KEY_A = Base64.getEncoder().encodeToString("a".repeat(32).getBytes());
    private static final String KEY_B = Base64.getEncoder().encodeToString("b".repeat(32).getBytes());

    private final Pseudonymizer underA = pseudonymizer("a1", Map.of("a1", KEY_A, "b1", KEY_B));
    private final Pseudonymizer underB = pseudonymizer("b1", Map.of("a1", KEY_A, "b1", KEY_B));

    @Test
    void sameSpellingsOfOnePersonGiveOneRef() {
        String ref = underA.customerRef(PersonDocument.of(DocumentType.RESIDENT_ID, "11010519491231002X"));
        assertEquals(ref, underA.customerRef(PersonDocument.of(DocumentType.RESIDENT_ID, "11010519491231002x")));
        assertEquals(ref, underA.customerRef(PersonDocument.of(DocumentType.RESIDENT_ID, "１１０１０５１９４９１２３１００２ｘ")));
        assertTrue(ref.startsWith("a1."));
        assertFalse(ref.contains("19491231"));
    }

    @Test
    void documentTypeIsPartOfTheRef() {
        String digits = "E12345678";
        assertNotEquals(underA.customerRef(PersonDocument.of(DocumentType.PASSPORT, digits, "USA")),
                underA.customerRef(PersonDocument.of(DocumentType.FOREIGN_PERMANENT_RESIDENT_ID, "USA123456789012")));
    }

    @Test
    void keyedDigestsVerifyUnderTheKeyThatMadeThemAndNoOther() {
        String body = "{\"card\":\"6222021234567894\"}";
        String madeUnderA = underA.digest("REQ", body);
        assertTrue(madeUnderA.startsWith("a1."));
        assertTrue(underB.matches(madeUnderA, "REQ", body), "a digest made before a rotation still verifies");
        assertFalse(underB.matches(madeUnderA, "REQ", body.replace("4", "5")));
        assertFalse(underB.matches(madeUnderA, "OTHER", body), "the domain is part of the digest");
        Pseudonymizer withoutA = pseudonymizer("b1", Map.of("b1", KEY_B));
        assertFalse(withoutA.matches(madeUnderA, "REQ", body), "a retired key verifies nothing");
        assertFalse(underA.matches("b1." + madeUnderA.substring(3), "REQ", body), "the key id is not interchangeable");
    }

    @Test
    void passportsOfTwoStatesWithOneNumberAreTwoPeople() {
        assertNotEquals(underA.customerRef(PersonDocument.of(DocumentType.PASSPORT, "E12345678", "USA")),
                underA.customerRef(PersonDocument.of(DocumentType.PASSPORT, "E12345678", "DEU")));
    }

    @Test
    void keysRotateByKeyId() {
        PersonDocument person = PersonDocument.of(DocumentType.RESIDENT_ID, "440524188001010014");
        String underOld = underA.customerRef(person);
        String underNew = underB.customerRef(person);
        assertNotEquals(underOld, underNew);
        assertTrue(underNew.startsWith("b1."));
        assertTrue(underB.customerRefsUnderAllKeys(person).contains(underOld));
    }

    @Test
    void theFirstReferenceUnderAllKeysIsTheActiveKeysWhicheverKeyIsActive() {
        // a stock line derives each reference once per key and stores the first: it must be the active key's
        PersonDocument person = PersonDocument.of(DocumentType.RESIDENT_ID, "440524188001010014");
        CardNumber card = CardNumber.of("6222021234567894");
        for (Pseudonymizer pseudonymizer : java.util.List.of(underA, underB)) {
            assertEquals(pseudonymizer.customerRef(person), pseudonymizer.customerRefsUnderAllKeys(person).get(0));
            assertEquals(pseudonymizer.cardRef(card), pseudonymizer.cardRefsUnderAllKeys(card).get(0));
            assertEquals(2, pseudonymizer.cardRefsUnderAllKeys(card).size());
        }
    }

    @Test
    void cardRefsAreKeyedAndStable() {
        assertEquals(underA.cardRef(CardNumber.of("6222021234567894")), underA.cardRef(CardNumber.of("6222021234567894")));
        assertNotEquals(underA.cardRef(CardNumber.of("6222021234567894")), underB.cardRef(CardNumber.of("6222021234567894")));
    }

    @Test
    void refusesShortKeysAndUnknownActiveKey() {
        String shortKey = Base64.getEncoder().encodeToString("short".getBytes());
        assertThrows(IllegalArgumentException.class, () -> pseudonymizer("s1", Map.of("s1", shortKey)));
        assertThrows(IllegalStateException.class, () -> pseudonymizer("zz", Map.of("a1", KEY_A)));
    }

    private static Pseudonymizer pseudonymizer(String active, Map<String, String> keys) {
        return new Pseudonymizer(new PseudonymConfig() {
            @Override
            public String activeKeyId() {
                return active;
            }

            @Override
            public Map<String, String> keys() {
                return keys;
            }
        });
    }
}
