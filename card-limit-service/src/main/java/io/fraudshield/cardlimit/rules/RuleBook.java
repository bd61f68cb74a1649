package io.fraudshield.cardlimit.rules;

import jakarta.enterprise.context.ApplicationScoped;

/** Resolves the limits of one bank: its overrides where configured, the national defaults otherwise. */
@ApplicationScoped
public class RuleBook {

    private final CardLimitConfig config;

    public RuleBook(CardLimitConfig config) {
        this.config = config;
    }

    public LimitSet limitsAt(String bank) {
        CardLimitConfig.Limits defaults = config.limits();
        CardLimitConfig.BankLimits own = config.banks().get(bank);
        if (own == null) {
            return new LimitSet(defaults.debitCardsPerBank(), defaults.classIAccountsPerBank(),
                    defaults.classIiAccountsPerBank(), defaults.classIiiAccountsPerBank(), defaults.agentCardsPerBank());
        }
        return new LimitSet(own.debitCardsPerBank().orElse(defaults.debitCardsPerBank()),
                own.classIAccountsPerBank().orElse(defaults.classIAccountsPerBank()),
                own.classIiAccountsPerBank().orElse(defaults.classIiAccountsPerBank()),
                own.classIiiAccountsPerBank().orElse(defaults.classIiiAccountsPerBank()),
                own.agentCardsPerBank().orElse(defaults.agentCardsPerBank()));
    }

    public CardLimitConfig config() {
        return config;
    }
}
