package io.fraudshield.common.identifier;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Set;

/**
 * GB 11643-1999 citizen identity numbers: 6-digit region, 8-digit birth date, 3-digit sequence and an
 * ISO 7064 MOD 11-2 check character. 15-digit numbers (GB 11643-1989, births 19xx) are converted to 18.
 * The same layout and check serve the residence permits of Hong Kong, Macao (81/82) and Taiwan (83) residents.
 */
public final class ResidentId {

    /** Province-level codes of GB/T 2260 (71 is Taiwan province). */
    static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71");
    /** Residence permits of Hong Kong (81) and Macao (82) residents, and of Taiwan (83) residents. */
    static final Set<String> HK_MACAO = Set.of("81", "82");
    static final Set<String> TAIWAN = Set.of("83");

    static final LocalDate EARLIEST_BIRTH = LocalDate.of(1850, 1, 1);

    private ResidentId() {
    }

    /** @return the canonical 18-character form */
    public static String parse(String raw) {
        return parse(raw, PROVINCES, "resident ID");
    }

    static String parse(String raw, Set<String> allowedRegions, String what) {
        String value = Normalizer.normalize(raw, what);
        if (value.length() == 15) {
            value = fromLegacy(value, what);
        }
        if (value.length() != 18) {
            throw new InvalidIdentifierException(what + " must have 18 characters (or 15 digits for the old format)");
        }
        String first17 = value.substring(0, 17);
        if (!first17.chars().allMatch(ResidentId::isDigit)) {
            throw new InvalidIdentifierException(what + " must be 17 digits followed by a digit or X");
        }
        checkRegion(value, allowedRegions, what);
        checkBirthDate(value.substring(6, 14), what);
        if (Mod11Check.checkCharacter(first17) != value.charAt(17)) {
            throw new InvalidIdentifierException(what + " has a wrong check character");
        }
        return value;
    }

    private static String fromLegacy(String value, String what) {
        if (!value.chars().allMatch(ResidentId::isDigit)) {
            throw new InvalidIdentifierException(what + " in the 15-digit format must be all digits");
        }
        String first17 = value.substring(0, 6) + "19" + value.substring(6);
        return first17 + Mod11Check.checkCharacter(first17);
    }

    private static void checkRegion(String value, Set<String> allowedRegions, String what) {
        if (!allowedRegions.contains(value.substring(0, 2))) {
            throw new InvalidIdentifierException(what + " has an implausible region code");
        }
    }

    private static void checkBirthDate(String yyyymmdd, String what) {
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(yyyymmdd.substring(0, 4)),
                    Integer.parseInt(yyyymmdd.substring(4, 6)), Integer.parseInt(yyyymmdd.substring(6, 8)));
        } catch (DateTimeException e) {
            throw new InvalidIdentifierException(what + " has a birth date that does not exist");
        }
        if (birth.isBefore(EARLIEST_BIRTH) || birth.isAfter(LocalDate.now())) {
            throw new InvalidIdentifierException(what + " has an implausible birth date");
        }
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
