package io.fraudshield.stoppayment.deadline;

import io.fraudshield.stoppayment.order.OrderKind;
import io.fraudshield.stoppayment.rules.StopPaymentConfig;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * docs/rules.md A6 as arithmetic: every clock runs from the effective time the bank reports. Months are
 * calendar months in China Standard Time, so a freeze effective on 31 August ends on 28/29 February.
 */
public final class DeadlinePolicy {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final StopPaymentConfig.Stop stop;
    private final StopPaymentConfig.Freeze freeze;
    private final List<Duration> reminders;

    public DeadlinePolicy(StopPaymentConfig.Stop stop, StopPaymentConfig.Freeze freeze, List<Duration> reminders) {
        this.stop = stop;
        this.freeze = freeze;
        this.reminders = reminders.stream().sorted(Comparator.reverseOrder()).toList();
    }

    public static DeadlinePolicy of(StopPaymentConfig config) {
        return new DeadlinePolicy(config.stop(), config.freeze(), config.deadline().reminders());
    }

    /** When a stop or freeze effective at {@code effectiveAt} ends by itself. */
    public Instant endOf(OrderKind kind, Instant effectiveAt, boolean majorCase) {
        return switch (kind) {
            case STOP_PAYMENT -> effectiveAt.plus(stop.duration());
            case FREEZE -> plus(effectiveAt, majorCase ? freeze.majorCaseDuration() : freeze.duration());
            default -> throw new IllegalArgumentException(kind + " has no end of its own");
        };
    }

    /** A renewal runs from the current end, at most the renewal period; only before expiry ({@link #mayRenew}). */
    public Instant renewedEnd(Instant currentEnd, boolean majorCase) {
        return plus(currentEnd, majorCase ? freeze.majorCaseMaxRenewal() : freeze.maxRenewal());
    }

    public boolean mayRenew(Instant now, Instant endsAt) {
        return endsAt != null && now.isBefore(endsAt);
    }

    /**
     * The reminder to send now, if any: the shortest lead time already reached that is shorter than the last one
     * sent (a reminder missed while the job was down is replaced by the next one, never sent late twice).
     */
    public Optional<Duration> reminderDue(Instant now, Instant endsAt, Duration lastSent) {
        return reminders.stream()
                .filter(lead -> !now.isBefore(endsAt.minus(lead)) && now.isBefore(endsAt))
                .filter(lead -> lastSent == null || lead.compareTo(lastSent) < 0)
                .min(Comparator.naturalOrder());
    }

    /** The longest lead time: orders ending within it are the ones to look at. */
    public Duration horizon() {
        return reminders.isEmpty() ? Duration.ZERO : reminders.get(0);
    }

    public int maxStopsPerAccount() {
        return stop.maxPerAccount();
    }

    private static Instant plus(Instant at, Period period) {
        return at.atZone(CHINA).plus(period).toInstant();
    }
}
