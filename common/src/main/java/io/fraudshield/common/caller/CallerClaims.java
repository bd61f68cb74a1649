package io.fraudshield.common.caller;

import io.fraudshield.common.identifier.InvalidIdentifierException;
import io.fraudshield.common.identifier.ParticipantCode;
import io.quarkus.security.AuthenticationFailedException;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.util.Set;

/**
 * What a verified token must also say before anyone may act on it, on every endpoint alike: exactly one
 * group, and that a FraudShield role; a {@code participant} that is a string in participant-code form; a
 * subject; issue and expiry times no further apart than the configured maximum lifetime (a long-lived token
 * is a stolen token that never stops working).
 */
public final class CallerClaims {

    public static final String PARTICIPANT_CLAIM = "participant";

    private CallerClaims() {
    }

    /** The caller a token names; {@link AuthenticationFailedException} (401) when the token may not be used. */
    public static Caller of(JsonWebToken token, Duration maxLifetime) {
        Set<String> groups = token.getGroups();
        if (groups == null || groups.size() != 1) {
            throw new AuthenticationFailedException("a token must carry exactly one group");
        }
        Role role = Role.ofGroup(groups.iterator().next())
                .orElseThrow(() -> new AuthenticationFailedException("the token's group is not a FraudShield role"));
        String subject = token.getName();
        if (subject == null || subject.isBlank()) {
            throw new AuthenticationFailedException("the token names no subject");
        }
        long issuedAt = token.getIssuedAtTime();
        long expires = token.getExpirationTime();
        if (issuedAt <= 0 || expires <= 0 || expires - issuedAt > maxLifetime.toSeconds()) {
            throw new AuthenticationFailedException("the token's lifetime is missing or longer than allowed");
        }
        return new Caller(subject, role, participant(token.getClaim(PARTICIPANT_CLAIM)));
    }

    private static ParticipantCode participant(Object claim) {
        String value = claim instanceof JsonString json ? json.getString() : claim instanceof String text ? text : null;
        if (value == null) {
            throw new AuthenticationFailedException("the token's participant claim is missing or not a string");
        }
        try {
            return new ParticipantCode(value);
        } catch (InvalidIdentifierException e) {
            throw new AuthenticationFailedException("the token's participant claim is malformed");
        }
    }
}
