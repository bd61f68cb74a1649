package io.fraudshield.accountrisk.transfer;

import io.fraudshield.accountrisk.status.AccountStatus;
import io.smallrye.config.ConfigMapping;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The transfer rule table ({@code accountrisk.transfer.rules[n].*} in application.properties; docs/account-risk.md).
 * A rule matches when every condition it sets holds; conditions it leaves out match anything.
 */
@ConfigMapping(prefix = "accountrisk.transfer")
public interface TransferRulesConfig {

    List<Rule> rules();

    interface Rule {
        /** The reason code reported when the rule matches. */
        String reason();

        TransferOutcome outcome();

        Optional<Set<AccountStatus>> payeeStatus();

        Optional<Set<AccountStatus>> payerStatus();

        Optional<Boolean> payerNonCounterSuspended();

        Optional<Set<TransferChannel>> channels();

        /** Matches only non-counter channels when true, only the counter when false. */
        Optional<Boolean> nonCounter();

        Optional<Boolean> ownAccountSameBank();

        /** Matches only when the purpose is (true) or is not (false) one of the exempt debits. */
        Optional<Boolean> purposeExempt();

        Optional<BigDecimal> minAmount();

        /** For DELAY: how long the money is held, revocable by the payer meanwhile. */
        Optional<Duration> delay();

        /** For WARN: the text to show the payer. */
        Optional<String> warningZh();

        Optional<String> warningEn();
    }
}
