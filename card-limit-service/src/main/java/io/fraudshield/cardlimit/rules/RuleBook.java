package io.fraudshield.cardlimit.rules;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * Resolves the limits of one bank: its settings where configured, the national ones otherwise. Built at
 * start-up: a bank setting that would loosen a national limit stops the service (a limit is a floor of
 * strictness, docs/rules.md A1, A2), instead of silently applying.
 */
@Startup
@ApplicationScoped
public class RuleBook {

    private final CardLimitConfig config;
    private final LimitSet national;
    private final Map<String, LimitSet> perBank = new TreeMap<>();
    private final Set<CardCategory> excluded;

    public RuleBook(CardLimitConfig config) {
        this.config = config;
        CardLimitConfig.Limits limits = config.limits();
        this.national = new LimitSet(limits.debitCardsPerBank(), limits.classIAccountsPerBank(),
                limits.classIiAccountsPerBank(), limits.classIiiAccountsPerBank(), limits.paymentAccountsPerInstitution(),
                limits.agentCardsPerBank());
        config.banks().forEach((bank, own) -> perBank.put(bank, tightened(national, bank, own)));
        this.excluded = config.excludedCardCategories().isEmpty() ? EnumSet.noneOf(CardCategory.class)
                : EnumSet.copyOf(config.excludedCardCategories());
    }

    /** The bank's limits: each its own setting when it is at most the national one. */
    static LimitSet tightened(LimitSet national, String bank, CardLimitConfig.BankLimits own) {
        List<String> loosened = new ArrayList<>();
        LimitSet limits = new LimitSet(
                atMost(national.debitCards(), own.debitCardsPerBank(), "debit-cards-per-bank", loosened),
                atMost(national.classIAccounts(), own.classIAccountsPerBank(), "class-i-accounts-per-bank", loosened),
                atMost(national.classIiAccounts(), own.classIiAccountsPerBank(), "class-ii-accounts-per-bank", loosened),
                atMost(national.classIiiAccounts(), own.classIiiAccountsPerBank(), "class-iii-accounts-per-bank", loosened),
                atMost(national.paymentAccounts(), own.paymentAccountsPerInstitution(), "payment-accounts-per-institution",
                        loosened),
                atMost(national.agentCards(), own.agentCardsPerBank(), "agent-cards-per-bank", loosened));
        if (!loosened.isEmpty()) {
            throw new IllegalStateException("cardlimit.banks.\"" + bank + "\" loosens national limits (a bank may only"
                    + " tighten them): " + String.join(", ", loosened));
        }
        return limits;
    }

    private static int atMost(int national, OptionalInt own, String key, List<String> loosened) {
        if (own.isPresent() && own.getAsInt() > national) {
            loosened.add(key + "=" + own.getAsInt() + " > " + national);
        }
        return own.orElse(national);
    }

    public LimitSet limitsAt(String bank) {
        return perBank.getOrDefault(bank, national);
    }

    /** The card categories not counted anywhere (national configuration). */
    public Set<CardCategory> excludedCategories() {
        return excluded;
    }

    /** The limits one slot consumes under the configured exclusions. */
    public Set<Limit> consumedBy(AccountClass accountClass, CardCategory card, boolean paymentInstitution) {
        return Limit.consumedBy(accountClass, card, excluded, paymentInstitution);
    }

    public CardLimitConfig config() {
        return config;
    }
}
