package io.fraudshield.common.identifier;

import java.text.Normalizer.Form;
import java.util.Locale;

/**
 * The one normalisation every identifier goes through before it is checked or hashed, so that one person
 * or card can never get two identities: NFKC (full-width digits become ASCII), trim, upper case.
 * Characters that stay invisible after that (zero-width space, joiners, BOM) are rejected, not removed.
 */
public final class Normalizer {

    private Normalizer() {
    }

    public static String normalize(String raw, String what) {
        if (raw == null) {
            throw new InvalidIdentifierException(what + " is missing");
        }
        if (alreadyNormal(raw)) {
            return raw;
        }
        String value = java.text.Normalizer.normalize(raw, Form.NFKC).strip().toUpperCase(Locale.ROOT);
        if (value.isEmpty()) {
            throw new InvalidIdentifierException(what + " is empty");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0x7E || c < 0x21) {
                throw new InvalidIdentifierException(what + " contains a character that is not a printable ASCII letter or digit");
            }
        }
        return value;
    }

    /** {@link #normalize}, then {@code min} to {@code max} digits, not one digit repeated: the shape of every account and card number. */
    static String digits(String raw, String what, int min, int max) {
        String value = normalize(raw, what);
        if (value.length() < min || value.length() > max || !asciiDigits(value)) {
            throw new InvalidIdentifierException(what + " must be " + min + " to " + max + " digits");
        }
        if (oneDigitRepeated(value)) {
            throw new InvalidIdentifierException(what + " must not be a single repeated digit");
        }
        return value;
    }

    /** Printable ASCII without lower case or spaces: NFKC, strip and upper case leave it as it is. */
    private static boolean alreadyNormal(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7E || (c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return !value.isEmpty();
    }

    private static boolean asciiDigits(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !value.isEmpty();
    }

    private static boolean oneDigitRepeated(String value) {
        char first = value.charAt(0);
        for (int i = 1; i < value.length(); i++) {
            if (value.charAt(i) != first) {
                return false;
            }
        }
        return true;
    }
}
