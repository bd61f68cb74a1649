package io.fraudshield.stoppayment.refund;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/** docs/rules.md A7 Art. 12: a bank completes within 3 working days — weekends and listed holidays excluded (CST). */
public final class WorkingDays {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private WorkingDays() {
    }

    /** The end of the {@code days}-th working day after {@code from}'s date. */
    public static Instant dueBy(Instant from, int days, Set<LocalDate> holidays) {
        LocalDate date = from.atZone(CHINA).toLocalDate();
        int counted = 0;
        while (counted < days) {
            date = date.plusDays(1);
            boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (!weekend && !holidays.contains(date)) {
                counted++;
            }
        }
        return ZonedDateTime.of(date.plusDays(1).atStartOfDay(), CHINA).toInstant();
    }
}
