package io.fraudshield.common.servicetoken;

import java.time.Instant;

/** A bearer token for one audience and when it stops being accepted. */
public record IssuedToken(String value, Instant issuedAt, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedToken[expiresAt=" + expiresAt + "]"; // never the token itself
    }
}
