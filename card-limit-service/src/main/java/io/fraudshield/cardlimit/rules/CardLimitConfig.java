package io.fraudshield.cardlimit.rules;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.OptionalInt;

/**
 * Every number of the opening rules, named after docs/rules.md and overridable per environment and per bank:
 * {@code cardlimit.limits.debit-cards-per-bank=4}, {@code cardlimit.banks."B102".debit-cards-per-bank=3}.
 * A bank's setting may tighten a national limit, never loosen it ({@link RuleBook} refuses to start otherwise).
 */
@ConfigMapping(prefix = "cardlimit")
public interface CardLimitConfig {

    /** The national defaults. */
    Limits limits();

    /**
     * docs/rules.md A1: card categories that are not counted, nationally (a per-bank list would loosen a limit).
     * Bank of China also leaves out MOBILE_PAYMENT_CARD, VIRTUAL_CARD and E_CARD; FraudShield counts them.
     */
    @WithDefault("SOCIAL_SECURITY_CARD,MEDICAL_INSURANCE_CARD,MILITARY_SECURITY_CARD")
    Set<CardCategory> excludedCardCategories();

    /** Per-bank overrides, keyed by participant code; a missing number falls back to {@link #limits()}. */
    Map<String, BankLimits> banks();

    /** How long a reservation holds its slot before the expiry job releases it. */
    @WithDefault("PT15M")
    Duration holdTtl();

    /** docs/rules.md A1: an agent-opened card stays inactive until the agent activates it at the counter. */
    @WithDefault("true")
    boolean agentRequiresCounterActivation();

    /** The answer when account-risk-service cannot say whether the person is restricted (never ALLOW). */
    @WithDefault("REVIEW")
    Outcome whenRiskServiceUnavailable();

    /** The audience account-risk-service accepts: our service tokens for calls to it are asked for this one. */
    @WithDefault("account-risk-service")
    String accountRiskAudience();

    /** How often the expiry job runs ({@code off} disables it). */
    @WithDefault("15s")
    String holdExpiryEvery();

    interface Limits {
        /** docs/rules.md A1 (CBRC 2015): debit cards per customer per bank legal entity, nationwide. */
        @WithDefault("4")
        int debitCardsPerBank();

        /** docs/rules.md A2 (银发〔2016〕261号): Class I accounts per customer per bank. */
        @WithDefault("1")
        int classIAccountsPerBank();

        /** docs/rules.md A2: Class II accounts per customer per bank. */
        @WithDefault("5")
        int classIiAccountsPerBank();

        /** docs/rules.md A2: Class III accounts per customer per bank. */
        @WithDefault("5")
        int classIiiAccountsPerBank();

        /** docs/rules.md A2 (261号): Class III payment accounts per person per payment institution. */
        @WithDefault("1")
        int paymentAccountsPerInstitution();

        /** docs/rules.md A1: cards one agent opens for others per bank. */
        @WithDefault("3")
        int agentCardsPerBank();
    }

    interface BankLimits {
        OptionalInt debitCardsPerBank();

        OptionalInt classIAccountsPerBank();

        OptionalInt classIiAccountsPerBank();

        OptionalInt classIiiAccountsPerBank();

        OptionalInt paymentAccountsPerInstitution();

        OptionalInt agentCardsPerBank();
    }
}
