package io.fraudshield.common.identifier;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A bank or payment account number, or a card number (a card is also an account): 8 to 32 digits after the
 * one normalisation every identifier gets, not one digit repeated. Bank account numbers carry no Luhn check,
 * so none is applied. Stored only as a keyed reference together with its bank; {@link #toString()} is masked.
 */
@Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, pattern = "^[0-9]{8,32}$",
        description = "Account or card number, 8-32 digits. Sent only in request bodies, never in URLs.",
        example = "6222021234567894")
public final class AccountNumber {

    private final String digits;

    private AccountNumber(String digits) {
        this.digits = digits;
    }

    @JsonCreator
    public static AccountNumber of(String raw) {
        String value = Normalizer.digits(raw, "account number", 8, 32);
        return new AccountNumber(value);
    }

    /** For hashing only; views carry {@link #masked()} instead. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String canonicalNumber() {
        return digits;
    }

    /** The first 4 and last 4 digits, the rest hidden. */
    public String masked() {
        return Masking.mask(digits, 4, 4);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccountNumber that && digits.equals(that.digits);
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
