package io.fraudshield.cardlimit.restriction;

/**
 * A feed page the mirror will not apply. {@code diverged}: the feed no longer holds the entry the mirror applied
 * last (account-risk-service's history went backwards or was replaced), so the mirror is rebuilt from seq 0;
 * otherwise the page is malformed and the mirror keeps its state and asks again.
 */
class FeedRejectedException extends RuntimeException {

    private final boolean diverged;

    FeedRejectedException(String message, boolean diverged) {
        super(message);
        this.diverged = diverged;
    }

    static FeedRejectedException malformed(String message) {
        return new FeedRejectedException(message, false);
    }

    static FeedRejectedException diverged(String message) {
        return new FeedRejectedException(message, true);
    }

    boolean diverged() {
        return diverged;
    }
}
