package io.fraudshield.common.servicetoken;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
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
    private final ReentrantLock renewal = new ReentrantLock();
    private volatile IssuedToken current;
    private volatile Instant renewAt = Instant.MIN;

    RenewingToken(Supplier<IssuedToken> source, Duration renewBefore, Clock clock) {
        this.source = source;
        this.renewBefore = renewBefore;
        this.clock = clock;
    }

    /**
     * The token to send. When it is due, one caller renews it; every other caller meanwhile keeps using the
     * current token while it is still valid and never queues behind the identity provider; with no valid
     * token at all they fail at once. If the provider cannot be reached, a still-valid token is used on.
     */
    String value() {
        IssuedToken token = current;
        Instant now = clock.instant();
        if (token != null && now.isBefore(renewAt)) {
            return token.value();
        }
        if (renewal.tryLock()) {
            try {
                if (current == null || !clock.instant().isBefore(renewAt)) {
                    renewOrKeep();
                }
                return current.value();
            } finally {
                renewal.unlock();
            }
        }
        if (token != null && now.isBefore(token.expiresAt())) {
            return token.value();
        }
        throw new IllegalStateException("no service token yet: the identity provider is being asked");
    }

    /** Renews now if the token would be due within {@code lead}: a background job keeps requests from waiting. */
    void renewIfDueWithin(Duration lead) {
        renewal.lock();
        try {
            if (current != null && !clock.instant().plus(lead).isBefore(renewAt)) {
                renewOrKeep();
            }
        } finally {
            renewal.unlock();
        }
    }

    private void renewOrKeep() {
        try {
            renew();
        } catch (RuntimeException unreachable) {
            IssuedToken token = current;
            if (token == null || !clock.instant().isBefore(token.expiresAt())) {
                throw unreachable;
            }
        }
    }

    private void renew() {
        current = source.get();
        Duration life = Duration.between(current.issuedAt(), current.expiresAt());
        Duration margin = renewBefore.compareTo(life.dividedBy(2)) < 0 ? renewBefore : life.dividedBy(2);
        renewAt = current.expiresAt().minus(margin);
    }
}
