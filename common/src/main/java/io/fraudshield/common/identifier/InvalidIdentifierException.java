package io.fraudshield.common.identifier;

/**
 * An identifier that is not well-formed. The message says what is wrong and never repeats the value,
 * because the value is personal data.
 */
public class InvalidIdentifierException extends IllegalArgumentException {

    public InvalidIdentifierException(String reason) {
        super(reason);
    }
}
