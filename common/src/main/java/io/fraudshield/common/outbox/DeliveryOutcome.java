package io.fraudshield.common.outbox;

/** What became of one delivery attempt. */
public record DeliveryOutcome(Kind kind, String detail) {

    private static final java.util.Set<Integer> RETRYABLE_CLIENT_ERRORS = java.util.Set.of(401, 403, 408, 409, 429);

    public enum Kind {
        /** the receiver acknowledged it */
        DELIVERED,
        /** try again later (network trouble, 5xx, 408, 429; 401 and 403 while tokens or keys rotate; 409 while the
         * receiver still processes an earlier attempt of the same message) */
        RETRY,
        /** trying again cannot help (any other 4xx): a dead letter at once */
        PERMANENT
    }

    public static DeliveryOutcome delivered() {
        return new DeliveryOutcome(Kind.DELIVERED, null);
    }

    public static DeliveryOutcome retry(String detail) {
        return new DeliveryOutcome(Kind.RETRY, detail);
    }

    public static DeliveryOutcome permanent(String detail) {
        return new DeliveryOutcome(Kind.PERMANENT, detail);
    }

    /**
     * 2xx delivered; 408, 429, 5xx retried, and so are 401/403 (an expired or rotated token heals) and 409 (the
     * receiver is still working on an earlier attempt with the same message id); every other 4xx permanent;
     * anything else retried. The attempt limit still ends every retry.
     */
    public static DeliveryOutcome ofHttpStatus(int status) {
        if (status >= 200 && status < 300) {
            return delivered();
        }
        String detail = "HTTP " + status;
        boolean permanent = status >= 400 && status < 500 && !RETRYABLE_CLIENT_ERRORS.contains(status);
        return permanent ? permanent(detail) : retry(detail);
    }
}
