package io.fraudshield.common.identifier;

/** ISO 7064 MOD 11-2, the check character of GB 11643-1999 resident IDs and the permits built like them. */
final class Mod11Check {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();

    private Mod11Check() {
    }

    /** @param first17 seventeen ASCII digits */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }
}
