package io.fraudshield.common.http;

import io.fraudshield.common.problem.ControlCharacterException;

/**
 * What text may hold, in free text as in identifiers and map keys, judged per Unicode code point: no control
 * characters (tab, line feed and carriage return allowed), no format characters (bidirectional overrides and
 * isolates, zero-width spaces and joiners, word joiner, byte-order mark, soft hyphen, invisible tag
 * characters), no unpaired surrogates (a driver would store them as '?', so the stored text would differ from
 * what was hashed and audited), no line or paragraph separators, and none of the letters that render as
 * nothing (Hangul fillers, combining grapheme joiner). Private-use characters stay allowed: legacy bank systems
 * encode rare Chinese name characters (生僻字) there.
 */
public final class TextPolicy {

    private TextPolicy() {
    }

    public static void check(String value) {
        if (!allows(value)) {
            throw new ControlCharacterException();
        }
    }

    /** Whether {@link #check} lets {@code value} through (null does pass). */
    public static boolean allows(String value) {
        if (value == null) {
            return true;
        }
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            if (refused(codePoint)) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }

    static boolean refused(int codePoint) {
        if (codePoint == '\t' || codePoint == '\n' || codePoint == '\r') {
            return false;
        }
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR -> true;
            default -> codePoint == 0x115F || codePoint == 0x1160 || codePoint == 0x3164 || codePoint == 0xFFA0
                    || codePoint == 0x034F;
        };
    }
}
