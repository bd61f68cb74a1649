package io.fraudshield.stoppayment.rules;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every number of stop-payment-service, named after docs/rules.md A6 and B2 (section D lists the keys). */
@ConfigMapping(prefix = "stoppayment")
public interface StopPaymentConfig {

    Stop stop();

    Freeze freeze();

    Trail trail();

    Deadline deadline();

    Feedback feedback();

    Webhooks webhooks();

    Sealing sealing();

    AccountRisk accountRisk();

    Refund refund();

    interface Refund {
        /** docs/rules.md A7 Art. 8: a proportional refund waits for a 30-day public notice. */
        @WithDefault("P30D")
        Duration publicNotice();

        /** docs/rules.md A7 Art. 12: the bank completes within 3 working days. */
        @WithDefault("3")
        int bankCompletionWorkingDays();

        /** docs/rules.md A7 Art. 12: at least two officers. */
        @WithDefault("2")
        int minOfficers();

        /** Public holidays (ISO dates) that are not working days; weekends never are. */
        Optional<Set<LocalDate>> holidays();
    }

    interface Stop {
        /** docs/rules.md A6: a stop lasts 48 h from the effective time the bank reports. */
        @WithDefault("PT48H")
        Duration duration();

        /** docs/rules.md A6: at most two stops per account (per case here). */
        @WithDefault("2")
        int maxPerAccount();
    }

    interface Freeze {
        /** docs/rules.md A6: 6 months from the effective time. */
        @WithDefault("P6M")
        Period duration();

        /** docs/rules.md A6: 1 year for a major case with the bureau head's approval recorded. */
        @WithDefault("P12M")
        Period majorCaseDuration();

        /** docs/rules.md A6: each renewal at most 6 months, only before expiry. */
        @WithDefault("P6M")
        Period maxRenewal();

        @WithDefault("P12M")
        Period majorCaseMaxRenewal();
    }

    interface Trail {
        /** docs/rules.md B2: layers followed automatically; the next one is recorded, not followed. */
        @WithDefault("5")
        int maxDepth();
    }

    interface Feedback {
        /** docs/rules.md A6 "immediately": later answers count as a missed deadline (FraudShield's objective). */
        @WithDefault("PT60S")
        Duration maxLatency();
    }

    interface Deadline {
        /** Reminder events before a stop or freeze ends. */
        @WithDefault("PT24H,PT6H")
        List<Duration> reminders();

        /** How often expiry and reminders run ({@code off} disables the job, e.g. in tests that drive it). */
        @WithDefault("30s")
        String every();
    }

    interface Webhooks {
        /** Plain http webhook URLs are refused unless this is on (dev and tests only). */
        @WithDefault("false")
        boolean allowPlainHttp();

        @WithDefault("PT2S")
        Duration connectTimeout();

        @WithDefault("PT5S")
        Duration readTimeout();

        /** Run the outbox relay right after a commit that wrote a message, instead of waiting for its next tick. */
        @WithDefault("true")
        boolean relayOnCommit();
    }

    interface Sealing {
        /** The key new clear values are sealed with. */
        String activeKeyId();

        /** AES-256 keys (base64, 32 bytes) by id; older ids stay to open what they sealed. */
        Map<String, String> keys();
    }

    interface AccountRisk {
        @WithDefault("http://localhost:8082")
        String url();

        /** The audience of the service tokens sent to account-risk-service. */
        @WithDefault("account-risk-service")
        String audience();
    }
}
