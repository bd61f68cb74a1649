package io.fraudshield.common.servicetoken;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RenewingTokenTest {

    private static final Instant START = Instant.parse("2026-11-29T00:00:00Z");

    private Instant now = START;
    private final AtomicInteger issued = new AtomicInteger();
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private IssuedToken issue(Duration lifetime) {
        return new IssuedToken("token-" + issued.incrementAndGet(), now, now.plus(lifetime));
    }

    @Test
    void aTokenIsReusedUntilItNearsExpiryAndThenRenewed() {
        RenewingToken token = new RenewingToken(() -> issue(Duration.ofMinutes(5)), Duration.ofMinutes(1), clock);
        assertEquals("token-1", token.value());
        now = START.plus(Duration.ofMinutes(3)).plusSeconds(59);
        assertEquals("token-1", token.value(), "still more than a minute to live");
        now = START.plus(Duration.ofMinutes(4));
        assertEquals("token-2", token.value(), "a minute before expiry it is renewed, not sent to lapse on the way");
        now = now.plus(Duration.ofMinutes(2));
        assertEquals("token-2", token.value());
        assertEquals(2, issued.get());
    }

    @Test
    void aShortLivedTokenIsRenewedHalfWayThroughItsLife() {
        RenewingToken token = new RenewingToken(() -> issue(Duration.ofSeconds(60)), Duration.ofMinutes(5), clock);
        assertEquals("token-1", token.value());
        now = START.plusSeconds(29);
        assertEquals("token-1", token.value());
        now = START.plusSeconds(30);
        assertEquals("token-2", token.value());
    }

    @Test
    void theBackgroundRenewsAheadSoThatNoRequestWaits() {
        RenewingToken token = new RenewingToken(() -> issue(Duration.ofMinutes(5)), Duration.ofMinutes(1), clock);
        token.value();
        now = START.plus(Duration.ofMinutes(3));
        token.renewIfDueWithin(Duration.ofSeconds(30));
        assertEquals(1, issued.get(), "not due within 30 s yet");
        now = START.plus(Duration.ofMinutes(3)).plusSeconds(31);
        token.renewIfDueWithin(Duration.ofSeconds(30));
        assertEquals(2, issued.get());
        now = START.plus(Duration.ofMinutes(4)).plusSeconds(10);
        assertEquals("token-2", token.value(), "the request finds a fresh token and does not wait");
        assertEquals(2, issued.get());
    }

    @Test
    void anExpiredTokenIsNeverHandedOut() {
        RenewingToken token = new RenewingToken(() -> issue(Duration.ofMinutes(5)), Duration.ofSeconds(10), clock);
        token.value();
        now = START.plus(Duration.ofHours(1));
        assertEquals("token-2", token.value());
    }

    @Test
    void whileOneCallerRenewsTheOthersUseTheValidTokenInsteadOfQueueing() throws Exception {
        java.util.concurrent.CountDownLatch providerAsked = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch providerAnswers = new java.util.concurrent.CountDownLatch(1);
        RenewingToken token = new RenewingToken(() -> {
            if (issued.get() == 1) {
                providerAsked.countDown();
                await(providerAnswers);
            }
            return issue(Duration.ofMinutes(5));
        }, Duration.ofMinutes(1), clock);
        token.value();
        now = START.plus(Duration.ofMinutes(4)).plusSeconds(30);
        Thread renewing = new Thread(token::value);
        renewing.start();
        providerAsked.await();
        assertEquals("token-1", token.value(), "still valid: used at once, not queued behind the slow provider");
        providerAnswers.countDown();
        renewing.join();
        assertEquals("token-2", token.value());
    }

    @Test
    void anUnreachableProviderLeavesAStillValidTokenInUse() {
        RenewingToken token = new RenewingToken(() -> {
            if (issued.get() >= 1) {
                throw new IllegalStateException("identity provider down");
            }
            return issue(Duration.ofMinutes(5));
        }, Duration.ofMinutes(1), clock);
        token.value();
        now = START.plus(Duration.ofMinutes(4)).plusSeconds(30);
        assertEquals("token-1", token.value());
        now = START.plus(Duration.ofMinutes(6));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, token::value,
                "an expired token is never handed out, even when no new one can be had");
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
