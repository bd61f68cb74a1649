package io.fraudshield.common.caller;

import io.fraudshield.common.http.TextPolicy;
import io.fraudshield.common.identifier.InvalidIdentifierException;
import io.fraudshield.common.identifier.ParticipantCode;
import io.quarkus.security.AuthenticationFailedException;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;
import java.util.Set;

/**
 * What a verified token must also say before anyone may act on it, on every endpoint alike: exactly one
 * group, and that a FraudShield role; a {@code participant} that is a string in participant-code form; a
 * subject without control (tab and line breaks included) or invisible characters ({@link TextPolicy}: it is stored
 * with what the caller does);
 * exactly one audience; issue and expiry times no further apart than the configured maximum lifetime,
 * and no issue time in the future (a long-lived token is a stolen token that never stops working).
 */
public final class CallerClaims {

    public static final String PARTICIPANT_CLAIM = "participant";

    private CallerClaims() {
    }

    /** The caller a token names; {@link AuthenticationFailedException} (401) when the token may not be used. */
    public static Caller of(JsonWebToken token, TokenPolicy policy) {
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
        if (!TextPolicy.allows(subject) || subject.chars().anyMatch(c -> c == '\t' || c == '\n' || c == '\r')) {
            // the subject is stored as the actor of audit rows and stock uploads: PostgreSQL text holds no NUL (22021,
            // a 500 later), and a line break would let one subject pass for two in logs and exports
            throw new AuthenticationFailedException("the token's subject holds control or invisible characters");
        }
        if (token.getAudience() == null || token.getAudience().size() != 1) {
            throw new AuthenticationFailedException("a token must be meant for exactly one service");
        }
        long issuedAt = token.getIssuedAtTime();
        long expires = token.getExpirationTime();
        long now = Instant.now().getEpochSecond();
        long skew = policy.clockSkew().toSeconds();
        long maxLifetime = policy.maxLifetime().toSeconds();
        if (issuedAt <= 0 || expires <= 0 || expires - issuedAt > maxLifetime) {
            throw new AuthenticationFailedException("the token's lifetime is missing or longer than allowed");
        }
        if (issuedAt > now + skew || expires > now + maxLifetime + skew) {
            // a token dated in the future would otherwise stretch the maximum lifetime as far as its issuer liked
            throw new AuthenticationFailedException("the token is issued in the future");
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
