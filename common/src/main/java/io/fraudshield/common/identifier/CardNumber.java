package io.fraudshield.common.identifier;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A payment card number (PAN): 12 to 19 digits, Luhn-valid, not one digit repeated, always a string.
 * Stored only as a keyed hash plus BIN and last 4; {@link #toString()} is masked.
 */
@Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, pattern = "^[0-9]{12,19}$",
        description = "Card number (PAN), 12-19 digits with a valid Luhn check. Sent only in request bodies, never in URLs.",
        example = "6222021234567894")
public final class CardNumber {

    private final String digits;

    private CardNumber(String digits) {
        this.digits = digits;
    }

    @JsonCreator
    public static CardNumber of(String raw) {
        String value = Normalizer.digits(raw, "card number", 12, 19);
        if (!luhnValid(value)) {
            throw new InvalidIdentifierException("card number fails the Luhn check");
        }
        return new CardNumber(value);
    }

    static boolean luhnValid(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /** For hashing only; views must carry {@link #masked()} or a cardRef instead. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String canonicalNumber() {
        return digits;
    }

    /** Issuer identification number: the first 6 digits. */
    public String bin() {
        return digits.substring(0, 6);
    }

    public String last4() {
        return digits.substring(digits.length() - 4);
    }

    /** BIN + last 4, the rest hidden. */
    public String masked() {
        return Masking.mask(digits, 6, 4);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CardNumber that && digits.equals(that.digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }
}
