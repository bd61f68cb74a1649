package io.fraudshield.common.servicetoken;

/** Where a fresh service token comes from: the identity provider in production, a local issuer otherwise. */
public interface ServiceTokenSource {

    /** A new token with this service as its subject, accepted only by {@code audience}. */
    IssuedToken issue(String audience);
}
