package io.fraudshield.cardlimit.rules;

/**
 * Every kind of card a bank may issue on an account. Which of them are left out of the count is configuration
 * ({@code cardlimit.excluded-card-categories}, docs/rules.md A1), national only: a per-bank exclusion would
 * loosen a limit.
 */
public enum CardCategory {
    DEBIT_CARD,
    SOCIAL_SECURITY_CARD,
    MEDICAL_INSURANCE_CARD,
    MILITARY_SECURITY_CARD,
    MOBILE_PAYMENT_CARD,
    VIRTUAL_CARD,
    E_CARD
}
