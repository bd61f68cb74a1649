package io.fraudshield.common.http;

import io.fraudshield.common.problem.ControlCharacterException;

/**
 * What text may hold, in free text as in identifiers: no C0/C1 control characters (tab, line feed and
 * carriage return allowed), no bidirectional overrides or isolates (which make a log line or a screen show
 * something other than what is stored) and no invisible characters (zero-width spaces and joiners, word
 * joiner, byte-order mark, soft hyphen).
 */
public final class TextPolicy {

    private TextPolicy() {
    }

    public static void check(String value) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            if (refused(value.charAt(i))) {
                throw new ControlCharacterException();
            }
        }
    }

    static boolean refused(char c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        return c < 0x20 || (c >= 0x7F && c <= 0x9F)
                || c == 0x00AD || c == 0x061C || c == 0x180E
                || (c >= 0x200B && c <= 0x200F)
                || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2060 && c <= 0x2069)
                || c == 0xFEFF;
    }
}
