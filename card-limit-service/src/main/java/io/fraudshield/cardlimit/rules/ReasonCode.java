package io.fraudshield.cardlimit.rules;

/** Machine-readable reasons behind a decision; each names the rule it comes from. */
public enum ReasonCode {
    /** docs/rules.md A1: at most 4 debit cards per customer per bank. */
    DEBIT_CARD_LIMIT(Outcome.DENY),
    /** docs/rules.md A2: one Class I account per bank; open Class II or III instead. */
    CLASS_I_EXISTS(Outcome.DENY),
    /** docs/rules.md A2: at most 5 Class II accounts per bank. */
    CLASS_II_LIMIT(Outcome.DENY),
    /** docs/rules.md A2: at most 5 Class III accounts per bank. */
    CLASS_III_LIMIT(Outcome.DENY),
    /** docs/rules.md A2 (261号): one Class III payment account per person per payment institution. */
    PAYMENT_ACCOUNT_LIMIT(Outcome.DENY),
    /** docs/rules.md A1: an agent opens at most 3 cards per bank for others. */
    AGENT_LIMIT(Outcome.DENY),
    /** docs/rules.md A5: persons under joint punishment may not open new accounts. */
    PERSON_RESTRICTED(Outcome.DENY),
    /** docs/rules.md A1: a customer already over a limit may neither open nor activate more. */
    OVER_LIMIT_LEGACY(Outcome.DENY),
    /** docs/rules.md A2: Class I only at the counter or a staffed self-service machine. */
    CHANNEL_NOT_ALLOWED(Outcome.DENY),
    /** account-risk-service could not say whether the person is restricted: a human decides. */
    RISK_SERVICE_UNAVAILABLE(Outcome.REVIEW),
    /** Informational: the card's category is excluded by configuration (docs/rules.md A1): the opening is not counted. */
    EXCLUDED_CATEGORY(Outcome.ALLOW),
    /** Informational: an approved supervisor override granted one extra slot. */
    OVERRIDE_APPLIED(Outcome.ALLOW);

    private final Outcome severity;

    ReasonCode(Outcome severity) {
        this.severity = severity;
    }

    public Outcome severity() {
        return severity;
    }
}
