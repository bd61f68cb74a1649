package io.fraudshield.accountrisk.appeal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Period;

/** docs/rules.md A5: the Measures set time limits for answering appeals, but the numbers were not found. */
@ConfigMapping(prefix = "accountrisk.appeals")
public interface AppealConfig {

    /** How long the listing agency or the regulator has to decide (FraudShield's number until counsel confirms). */
    @WithDefault("P15D")
    Period decisionTimeLimit();
}
