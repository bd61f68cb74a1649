package io.fraudshield.common.caller;

import io.quarkus.security.AuthenticationFailedException;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The {@link Caller} of the current request, read from its verified JWT. */
@RequestScoped
public class CurrentCaller {

    private final JsonWebToken token;
    private final TokenPolicy policy;
    private Caller caller;

    public CurrentCaller(JsonWebToken token, TokenPolicy policy) {
        this.token = token;
        this.policy = policy;
    }

    public Caller get() {
        if (caller == null) {
            if (token == null || token.getRawToken() == null) {
                throw new AuthenticationFailedException("no token");
            }
            caller = CallerClaims.of(token, policy);
        }
        return caller;
    }
}
