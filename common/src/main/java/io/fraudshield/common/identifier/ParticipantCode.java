package io.fraudshield.common.identifier;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.regex.Pattern;

/**
 * The code of an institution or agency that takes part: a bank legal entity (a bank code), a payment
 * institution, a police anti-fraud centre or a regulator. 3 to 14 upper-case letters and digits, the
 * form of the {@code participant} claim in callers' tokens.
 */
@Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, pattern = "^[A-Z0-9]{3,14}$",
        example = "B102")
public record ParticipantCode(@JsonValue String value) {

    private static final Pattern FORM = Pattern.compile("[A-Z0-9]{3,14}");

    public ParticipantCode {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new InvalidIdentifierException("participant code must be 3 to 14 upper-case letters and digits");
        }
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
