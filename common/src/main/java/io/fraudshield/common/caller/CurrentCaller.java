package io.fraudshield.common.caller;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/**
 * The {@link Caller} of the current request, read from its verified JWT: the one {@link VerifiedTokenCache}
 * checked when it verified the token (once per token, not once per request).
 */
@RequestScoped
public class CurrentCaller {

    private final SecurityIdentity identity;
    private final VerifiedTokenCache tokens;
    private Caller caller;

    public CurrentCaller(SecurityIdentity identity, VerifiedTokenCache tokens) {
        this.identity = identity;
        this.tokens = tokens;
    }

    public Caller get() {
        if (caller == null) {
            caller = tokens.callerOf(identity);
        }
        return caller;
    }
}
