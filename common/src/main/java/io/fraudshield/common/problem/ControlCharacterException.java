package io.fraudshield.common.problem;

/**
 * Text holding a control, bidirectional-override or invisible character: PostgreSQL, log lines and the
 * screens of bank and police staff must never see one.
 */
public class ControlCharacterException extends IllegalArgumentException {

    public ControlCharacterException() {
        super("Text must not contain control characters (tab, line feed and carriage return are allowed), "
                + "bidirectional overrides or invisible characters");
    }
}
