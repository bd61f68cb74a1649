package io.fraudshield.localstack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Mints RS256 bearer tokens for local runs and tests, shaped like the production identity provider's:
 * issuer, audience (the service the token is for: each service accepts only its own), {@code groups}
 * holding the role and a {@code participant} claim.
 */
public final class LocalTokens {

    public static final String ISSUER = "https://fraudshield.local/issuer";
    /** The services, each its own token audience. */
    public static final java.util.List<String> AUDIENCES =
            java.util.List.of("card-limit-service", "account-risk-service", "stop-payment-service");

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private LocalTokens() {
    }

    public static String mint(PrivateKey key, String audience, String role, String participant, String subject,
                              Duration ttl) {
        return mint(key, ISSUER, audience, role, participant, subject, Instant.now(), ttl);
    }

    public static String mint(PrivateKey key, String issuer, String audience, String role, String participant,
                              String subject, Instant issuedAt, Duration ttl) {
        String payload = "{"
                + "\"iss\":" + quote(issuer)
                + ",\"aud\":" + quote(audience)
                + ",\"sub\":" + quote(subject)
                + ",\"upn\":" + quote(subject)
                + ",\"groups\":[" + quote(role) + "]"
                + ",\"participant\":" + quote(participant)
                + ",\"iat\":" + issuedAt.getEpochSecond()
                + ",\"exp\":" + issuedAt.plus(ttl).getEpochSecond()
                + ",\"jti\":" + quote(UUID.randomUUID().toString())
                + "}";
        return sign(key, "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"local\"}", payload);
    }

    /** Signs any header and payload as given: tests use it to build tokens a verifier must refuse. */
    public static String sign(PrivateKey key, String headerJson, String payloadJson) {
        String signingInput = encode(headerJson) + "." + encode(payloadJson);
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign token", e);
        }
    }

    public static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String quote(String value) {
        if (!value.matches("[A-Za-z0-9 ._:/@-]*")) {
            throw new IllegalArgumentException("claim values are limited to letters, digits and ._:/@- here: " + value);
        }
        return "\"" + value + "\"";
    }
}
