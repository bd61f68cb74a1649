package io.fraudshield.common.problem;

/** A JSON string holding NUL or another control character: PostgreSQL and log lines must never see one. */
public class ControlCharacterException extends IllegalArgumentException {

    public ControlCharacterException() {
        super("Text must not contain NUL or other control characters (tab, line feed and carriage return are allowed)");
    }
}
