package io.fraudshield.common.caller;

import io.fraudshield.common.digest.CanonicalDigest;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.smallrye.jwt.runtime.auth.MpJwtValidator;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Remembers tokens whose signature, issuer, audience and expiry were verified, until they expire (at most
 * {@code fraudshield.jwt.cache.ttl}): a bank core system sends the same token with many requests, and
 * verifying it is the largest fixed cost of a request. Keyed by the token's SHA-256; a hit past the
 * token's {@code exp} is a miss. Only successful verifications are remembered.
 */
@ApplicationScoped
public class VerifiedTokenCache implements IdentityProvider<TokenAuthenticationRequest> {

    private final MpJwtValidator validator;
    private final long ttlMillis;
    private final int maxEntries;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();
    private final AtomicLong hits = new AtomicLong();

    private record Verified(SecurityIdentity identity, long validUntilMillis) {
    }

    public VerifiedTokenCache(MpJwtValidator validator,
                              @ConfigProperty(name = "fraudshield.jwt.cache.ttl", defaultValue = "PT5M") Duration ttl,
                              @ConfigProperty(name = "fraudshield.jwt.cache.max-entries", defaultValue = "10000") int maxEntries) {
        this.validator = validator;
        this.ttlMillis = ttl.toMillis();
        this.maxEntries = maxEntries;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Asked before the JWT validator itself. */
    @Override
    public int priority() {
        return validator.priority() + 1;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (ttlMillis <= 0) {
            return validator.authenticate(request, context);
        }
        String key = CanonicalDigest.sha256Hex(request.getToken().getToken());
        long now = System.currentTimeMillis();
        Verified known = verified.get(key);
        if (known != null && known.validUntilMillis() > now) {
            hits.incrementAndGet();
            return Uni.createFrom().item(known.identity());
        }
        return validator.authenticate(request, context).invoke(identity -> remember(key, identity, now));
    }

    /** How many requests were served from the cache: for tests and metrics. */
    public long hits() {
        return hits.get();
    }

    private void remember(String key, SecurityIdentity identity, long now) {
        if (identity == null || !(identity.getPrincipal() instanceof JsonWebToken token) || token.getExpirationTime() <= 0) {
            return;
        }
        long validUntil = Math.min(token.getExpirationTime() * 1000, now + ttlMillis);
        if (verified.size() >= maxEntries) {
            verified.values().removeIf(entry -> entry.validUntilMillis() <= now);
            if (verified.size() >= maxEntries) {
                verified.clear();
            }
        }
        verified.put(key, new Verified(identity, validUntil));
    }
}
