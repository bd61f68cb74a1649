package io.fraudshield.common.identifier;

final class Masking {

    private Masking() {
    }

    static String mask(String value, int keepStart, int keepEnd) {
        int hidden = value.length() - keepStart - keepEnd;
        if (hidden < 1) {
            return "*".repeat(value.length());
        }
        return value.substring(0, keepStart) + "*".repeat(hidden) + value.substring(value.length() - keepEnd);
    }
}
