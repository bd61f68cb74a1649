package io.fraudshield.common.servicetoken;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Keeps one audience's token and fetches a new one before the old one expires: {@code renewBefore} ahead
 * of its expiry, or half way through its life if that is shorter, so a call never leaves with a token
 * about to lapse on the way.
 */
final class RenewingToken {

    private final Supplier<IssuedToken> source;
    private final Duration renewBefore;
    private final Clock clock;
    private IssuedToken current;
    private Instant renewAt = Instant.MIN;

    RenewingToken(Supplier<IssuedToken> source, Duration renewBefore, Clock clock) {
        this.source = source;
        this.renewBefore = renewBefore;
        this.clock = clock;
    }

    synchronized String value() {
        if (current == null || !clock.instant().isBefore(renewAt)) {
            renew();
        }
        return current.value();
    }

    /** Renews now if the token would be due within {@code lead}: a background job keeps requests from waiting. */
    synchronized void renewIfDueWithin(Duration lead) {
        if (current != null && !clock.instant().plus(lead).isBefore(renewAt)) {
            renew();
        }
    }

    private void renew() {
        current = source.get();
        Duration life = Duration.between(current.issuedAt(), current.expiresAt());
        Duration margin = renewBefore.compareTo(life.dividedBy(2)) < 0 ? renewBefore : life.dividedBy(2);
        renewAt = current.expiresAt().minus(margin);
    }
}
