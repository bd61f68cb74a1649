package io.fraudshield.common.identifier;

import java.util.regex.Pattern;

/** The identity documents a customer or agent can present at account opening. */
public enum DocumentType {

    /** 居民身份证, GB 11643-1999; 15-digit legacy numbers are converted to 18. */
    RESIDENT_ID {
        @Override
        String canonical(String raw) {
            return ResidentId.parse(raw);
        }
    },
    /** 港澳居民居住证: numbered like a resident ID with region 810000 or 820000. */
    HK_MACAO_RESIDENCE_PERMIT {
        @Override
        String canonical(String raw) {
            return ResidentId.parse(raw, ResidentId.HK_MACAO, "Hong Kong/Macao residence permit");
        }
    },
    /** 台湾居民居住证: numbered like a resident ID with region 830000. */
    TAIWAN_RESIDENCE_PERMIT {
        @Override
        String canonical(String raw) {
            return ResidentId.parse(raw, ResidentId.TAIWAN, "Taiwan residence permit");
        }
    },
    /**
     * 外国人永久居留身份证: since 2023 18 characters starting with 9 and checked like a resident ID;
     * the 2017 cards carry 3 letters (nationality) and 12 digits.
     */
    FOREIGN_PERMANENT_RESIDENT_ID {
        @Override
        String canonical(String raw) {
            String value = Normalizer.normalize(raw, "foreign permanent resident ID");
            if (OLD_FOREIGN_PERMANENT.matcher(value).matches()) {
                return value;
            }
            if (value.length() == 18 && value.charAt(0) == '9') {
                String digits = value.substring(0, 17);
                if (digits.chars().allMatch(Character::isDigit) && Mod11Check.checkCharacter(digits) == value.charAt(17)) {
                    return value;
                }
            }
            throw new InvalidIdentifierException("foreign permanent resident ID must be 3 letters and 12 digits, "
                    + "or 18 characters starting with 9 with a valid check character");
        }
    },
    /** Any passport: 5 to 17 letters and digits. */
    PASSPORT {
        @Override
        String canonical(String raw) {
            String value = Normalizer.normalize(raw, "passport number");
            if (!PASSPORT_NUMBER.matcher(value).matches()) {
                throw new InvalidIdentifierException("passport number must be 5 to 17 letters and digits");
            }
            return value;
        }
    };

    private static final Pattern OLD_FOREIGN_PERMANENT = Pattern.compile("[A-Z]{3}[0-9]{12}");
    private static final Pattern PASSPORT_NUMBER = Pattern.compile("[A-Z0-9]{5,17}");

    /** Normalises and validates; the result is the only form that is ever hashed or compared. */
    abstract String canonical(String raw);
}
