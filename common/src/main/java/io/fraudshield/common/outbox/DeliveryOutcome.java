package io.fraudshield.common.outbox;

/** What became of one delivery attempt. */
public record DeliveryOutcome(Kind kind, String detail) {

    public enum Kind {
        /** the receiver acknowledged it */
        DELIVERED,
        /** try again later (network trouble, 5xx, 408, 429) */
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

    /** 2xx delivered; 408, 429 and 5xx retried; every other 4xx permanent; anything else retried. */
    public static DeliveryOutcome ofHttpStatus(int status) {
        if (status >= 200 && status < 300) {
            return delivered();
        }
        String detail = "HTTP " + status;
        boolean permanent = status >= 400 && status < 500 && status != 408 && status != 429;
        return permanent ? permanent(detail) : retry(detail);
    }
}
