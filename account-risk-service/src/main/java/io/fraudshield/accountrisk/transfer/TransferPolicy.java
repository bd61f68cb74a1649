package io.fraudshield.accountrisk.transfer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The decision of the rule table: every matching rule's reason, the most severe outcome, the longest delay,
 * the warnings to show. No rule matching is ALLOW. Pure.
 */
public final class TransferPolicy {

    private TransferPolicy() {
    }

    public static Decision decide(List<TransferRulesConfig.Rule> rules, TransferFacts facts) {
        TransferOutcome outcome = TransferOutcome.ALLOW;
        List<String> reasons = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>();
        Duration delay = Duration.ZERO;
        for (TransferRulesConfig.Rule rule : rules) {
            if (!matches(rule, facts)) {
                continue;
            }
            reasons.add(rule.reason());
            if (rule.outcome().compareTo(outcome) > 0) {
                outcome = rule.outcome();
            }
            if (rule.outcome() == TransferOutcome.DELAY && rule.delay().isPresent() && rule.delay().get().compareTo(delay) > 0) {
                delay = rule.delay().get();
            }
            if (rule.warningZh().isPresent() || rule.warningEn().isPresent()) {
                warnings.add(new Warning(rule.warningZh().orElse(null), rule.warningEn().orElse(null)));
            }
        }
        return new Decision(outcome, reasons, outcome == TransferOutcome.DELAY ? Optional.of(delay) : Optional.empty(),
                warnings);
    }

    static boolean matches(TransferRulesConfig.Rule rule, TransferFacts facts) {
        return rule.payeeStatus().map(set -> set.contains(facts.payeeStatus())).orElse(true)
                && rule.payerStatus().map(set -> set.contains(facts.payerStatus())).orElse(true)
                && rule.payerNonCounterSuspended().map(v -> v == facts.payerNonCounterSuspended()).orElse(true)
                && rule.channels().map(set -> set.contains(facts.channel())).orElse(true)
                && rule.nonCounter().map(v -> v == facts.channel().nonCounter()).orElse(true)
                && rule.ownAccountSameBank().map(v -> v == facts.ownAccountSameBank()).orElse(true)
                && rule.purposeExempt().map(v -> v == facts.purposeExempt()).orElse(true)
                && rule.minAmount().map(min -> facts.amount().compareTo(min) >= 0).orElse(true);
    }

    public record Decision(TransferOutcome outcome, List<String> reasons, Optional<Duration> delay,
                           List<Warning> warnings) {
    }

    public record Warning(String zh, String en) {
    }
}
