package io.fraudshield.cardlimit.rules;

/**
 * What a bank opens. Debit cards and Class I/II/III accounts are counted per customer per bank
 * (RULES.md A1, A2); social-security, medical-insurance and military-security cards are not.
 */
public enum Product {
    DEBIT_CARD(true),
    CLASS_I_ACCOUNT(true),
    CLASS_II_ACCOUNT(true),
    CLASS_III_ACCOUNT(true),
    SOCIAL_SECURITY_CARD(false),
    MEDICAL_INSURANCE_CARD(false),
    MILITARY_SECURITY_CARD(false);

    private final boolean counted;

    Product(boolean counted) {
        this.counted = counted;
    }

    /** Whether it counts toward a per-bank limit; excluded categories never do (RULES.md A1). */
    public boolean counted() {
        return counted;
    }
}
