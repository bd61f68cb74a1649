package io.fraudshield.common.caller;

import io.fraudshield.common.identifier.InvalidIdentifierException;
import io.fraudshield.common.identifier.ParticipantCode;
import io.quarkus.security.AuthenticationFailedException;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;
import java.util.Optional;

/** The {@link Caller} of the current request, read from its verified JWT. */
@RequestScoped
public class CurrentCaller {

    public static final String PARTICIPANT_CLAIM = "participant";

    private final JsonWebToken token;
    private Caller caller;

    public CurrentCaller(JsonWebToken token) {
        this.token = token;
    }

    public Caller get() {
        if (caller == null) {
            caller = fromToken();
        }
        return caller;
    }

    private Caller fromToken() {
        if (token == null || token.getRawToken() == null) {
            throw new AuthenticationFailedException("no token");
        }
        List<Role> roles = token.getGroups().stream().map(Role::ofGroup).flatMap(Optional::stream).toList();
        if (roles.size() != 1) {
            throw new AuthenticationFailedException("a token must carry exactly one FraudShield role");
        }
        String participant = token.getClaim(PARTICIPANT_CLAIM);
        try {
            return new Caller(token.getName(), roles.get(0), new ParticipantCode(participant));
        } catch (InvalidIdentifierException e) {
            throw new AuthenticationFailedException("the token's participant claim is missing or malformed");
        }
    }
}
