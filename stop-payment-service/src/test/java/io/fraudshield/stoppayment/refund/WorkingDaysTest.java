package io.fraudshield.stoppayment.refund;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WorkingDaysTest {

    @ParameterizedTest(name = "instructed {0}: due by {1}")
    @CsvSource({
            // Monday 2026-11-23 10:00 CST → end of Thursday 26 (CST midnight = 16:00 UTC the day before)
            "2026-11-23T02:00:00Z, 2026-11-26T16:00:00Z",
            // Thursday → Fri, (Mon 30 Nov a holiday), Tue, Wed
            "2026-11-26T02:00:00Z, 2026-12-02T16:00:00Z",
            // Friday → Tue, Wed, Thu
            "2026-11-27T02:00:00Z, 2026-12-03T16:00:00Z",
    })
    void threeWorkingDaysSkipWeekendsAndHolidays(Instant instructed, Instant due) {
        assertEquals(due, WorkingDays.dueBy(instructed, 3, Set.of(LocalDate.parse("2026-11-30"))));
    }
}
