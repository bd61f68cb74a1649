package io.fraudshield.common.identifier;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The code of an institution or agency that takes part: a bank legal entity (a bank code), a payment
 * institution, a police anti-fraud centre or a regulator. 3 to 14 upper-case letters and digits, the
 * form of the {@code participant} claim in callers' tokens.
 */
@Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, pattern = "^[A-Z0-9]{3,14}$",
        example = "B102")
public record ParticipantCode(@JsonValue String value) {

    public ParticipantCode {
        if (!wellFormed(value)) {
            throw new InvalidIdentifierException("participant code must be 3 to 14 upper-case letters and digits");
        }
    }

    /** [A-Z0-9]{3,14}, checked without a regular expression: every account of a 1,000-account query names its bank. */
    private static boolean wellFormed(String value) {
        if (value == null || value.length() < 3 || value.length() > 14) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    @JsonCreator
    public static ParticipantCode of(String raw) {
        return new ParticipantCode(Normalizer.normalize(raw, "participant code"));
    }

    @Override
    public String toString() {
        return value;
    }
}
