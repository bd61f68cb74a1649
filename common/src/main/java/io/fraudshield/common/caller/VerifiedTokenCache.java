package io.fraudshield.common.caller;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.smallrye.jwt.runtime.auth.MpJwtValidator;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Authenticates bearer tokens: the JWT validator checks signature, issuer, audience and expiry, then
 * {@link CallerClaims} checks role, participant and lifetime, on every endpoint alike. A token that passed is
 * remembered until it expires (at most {@code fraudshield.jwt.cache.ttl}), because a bank core system sends
 * the same token with many requests and verifying it is the largest fixed cost of a request. The cache is
 * bounded and expires each entry on its own; it holds only the verified token (its claims) and the
 * {@link Caller} checked from them, and every request gets an identity built for it, carrying that caller
 * (read by {@link CurrentCaller}: the claims are checked once per token, not once per request). Keyed by the
 * token itself, which the verified token holds anyway: hashing a string costs far less than the SHA-256 the
 * key used to be (measured in bench/card-limit/RESULTS.md). Hits and misses are in the metrics as
 * {@code cache_gets{cache="verified-tokens"}}.
 */
@ApplicationScoped
public class VerifiedTokenCache implements IdentityProvider<TokenAuthenticationRequest> {

    /** The identity attribute holding the request's {@link Caller}. */
    private static final String CALLER_ATTRIBUTE = Caller.class.getName();

    private final MpJwtValidator validator;
    private final TokenPolicy policy;
    private final Cache<String, Verified> verified;
    private final boolean caching;

    public VerifiedTokenCache(MpJwtValidator validator, TokenPolicy policy, MeterRegistry metrics) {
        this.validator = validator;
        this.policy = policy;
        this.verified = Caffeine.newBuilder()
                .maximumSize(policy.cache().maxEntries())
                .expireAfter(new UntilTokenExpiry(policy.cache().ttl()))
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(metrics, verified, "verified-tokens");
        this.caching = !policy.cache().ttl().isZero() && !policy.cache().ttl().isNegative();
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
        Verified known = caching ? verified.getIfPresent(request.getToken().getToken()) : null;
        if (known != null && known.token().getExpirationTime() > System.currentTimeMillis() / 1000) {
            return Uni.createFrom().item(identity(known, request));
        }
        return validator.authenticate(request, context).map(identity -> {
            if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
                throw new AuthenticationFailedException("not a JWT");
            }
            Verified checked = new Verified(token, CallerClaims.of(token, policy));
            if (caching) {
                verified.put(request.getToken().getToken(), checked);
            }
            return identity(checked, request);
        });
    }

    /** A fresh identity for this request: roles from the token, its caller, the request's own routing context. */
    private static SecurityIdentity identity(Verified verified, TokenAuthenticationRequest request) {
        JsonWebToken token = verified.token();
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(token)
                .addCredential(request.getToken())
                .addRoles(token.getGroups())
                .addAttribute("quarkus.user", token)
                .addAttribute(CALLER_ATTRIBUTE, verified.caller());
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routing != null) {
            identity.addAttribute(RoutingContext.class.getName(), routing);
        }
        return identity.build();
    }

    /**
     * The caller of a request: the one checked when this provider verified its token, or, for a JWT identity
     * that came another way, its claims checked now. No token is a 401.
     */
    public Caller callerOf(SecurityIdentity identity) {
        Caller checked = identity.getAttribute(CALLER_ATTRIBUTE);
        if (checked != null) {
            return checked;
        }
        if (!(identity.getPrincipal() instanceof JsonWebToken token) || token.getRawToken() == null) {
            throw new AuthenticationFailedException("no token");
        }
        return CallerClaims.of(token, policy);
    }

    /** How many requests were served from the cache: for tests. */
    public long hits() {
        return verified.stats().hitCount();
    }

    /** A token that passed, and the caller its claims name (checked once: they cannot change until it expires). */
    private record Verified(JsonWebToken token, Caller caller) {
    }

    /** Each entry lives until its token's {@code exp}, and never longer than the TTL. */
    private record UntilTokenExpiry(Duration ttl) implements Expiry<String, Verified> {

        @Override
        public long expireAfterCreate(String key, Verified verified, long currentTime) {
            long untilExpiry = TimeUnit.SECONDS.toNanos(verified.token().getExpirationTime())
                    - TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
            return Math.max(0, Math.min(untilExpiry, ttl.toNanos()));
        }

        @Override
        public long expireAfterUpdate(String key, Verified verified, long currentTime, long currentDuration) {
            return expireAfterCreate(key, verified, currentTime);
        }

        @Override
        public long expireAfterRead(String key, Verified verified, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
