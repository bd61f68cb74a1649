package io.fraudshield.stoppayment.deadline;

import io.fraudshield.stoppayment.order.OrderKind;
import io.fraudshield.stoppayment.rules.StopPaymentConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeadlinePolicyTest {

    private static final DeadlinePolicy POLICY = new DeadlinePolicy(new StopPaymentConfig.Stop() {
        public Duration duration() {
            return Duration.ofHours(48);
        }

        public int maxPerAccount() {
            return 2;
        }
    }, new StopPaymentConfig.Freeze() {
        public Period duration() {
            return Period.ofMonths(6);
        }

        public Period majorCaseDuration() {
            return Period.ofMonths(12);
        }

        public Period maxRenewal() {
            return Period.ofMonths(6);
        }

        public Period majorCaseMaxRenewal() {
            return Period.ofMonths(12);
        }
    }, List.of(Duration.ofHours(6), Duration.ofHours(24)));

    @ParameterizedTest(name = "{0} effective {1} (major {2}) ends {3}")
    @CsvSource({
            "STOP_PAYMENT, 2026-11-28T01:02:03Z, false, 2026-11-30T01:02:03Z",
            "FREEZE,       2026-11-28T01:02:03Z, false, 2027-05-28T01:02:03Z",
            "FREEZE,       2026-11-28T01:02:03Z, true,  2027-11-28T01:02:03Z",
            // calendar months in China Standard Time: 31 August + 6 months is the last day of February
            "FREEZE,       2026-08-31T02:00:00Z, false, 2027-02-28T02:00:00Z",
    })
    void endsFromTheEffectiveTime(OrderKind kind, Instant effective, boolean major, Instant end) {
        assertEquals(end, POLICY.endOf(kind, effective, major));
    }

    @Test
    void renewalsRunFromTheCurrentEndAndOnlyBeforeIt() {
        Instant end = Instant.parse("2027-05-28T01:02:03Z");
        assertEquals(Instant.parse("2027-11-28T01:02:03Z"), POLICY.renewedEnd(end, false));
        assertTrue(POLICY.mayRenew(end.minusSeconds(1), end));
        assertFalse(POLICY.mayRenew(end, end));
    }

    @ParameterizedTest(name = "{0} h before the end, last sent {1}: {2}")
    @CsvSource(nullValues = "-", value = {
            "25, -,    -",
            "24, -,    PT24H",
            "23, -,    PT24H",
            "23, PT24H, -",
            "6,  PT24H, PT6H",
            "5,  -,    PT6H",
            "5,  PT6H, -",
            "0,  -,    -",
    })
    void remindersOnceEachAndNeverLate(int hoursBefore, Duration lastSent, Duration due) {
        Instant end = Instant.parse("2026-11-30T00:00:00Z");
        assertEquals(Optional.ofNullable(due), POLICY.reminderDue(end.minus(Duration.ofHours(hoursBefore)), end, lastSent));
    }
}
