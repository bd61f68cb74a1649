package io.fraudshield.common.caller;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The {@link Caller} of the current request, read from its verified JWT: the one {@link VerifiedTokenCache}
 * checked when it verified the token, or checked here when the identity came without one.
 */
@RequestScoped
public class CurrentCaller {

    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private final TokenPolicy policy;
    private Caller caller;

    public CurrentCaller(SecurityIdentity identity, JsonWebToken token, TokenPolicy policy) {
        this.identity = identity;
        this.token = token;
        this.policy = policy;
    }

    public Caller get() {
        if (caller == null) {
            if (token == null || token.getRawToken() == null) {
                throw new AuthenticationFailedException("no token");
            }
            Caller checked = identity.getAttribute(VerifiedTokenCache.CALLER_ATTRIBUTE);
            caller = checked != null ? checked : CallerClaims.of(token, policy);
        }
        return caller;
    }
}
