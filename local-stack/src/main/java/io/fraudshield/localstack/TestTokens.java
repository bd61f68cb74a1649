package io.fraudshield.localstack;

import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;

/**
 * Bearer tokens for tests, signed with the key pair that {@link LocalStackTestResource} makes the app trust.
 * Without an audience they are for the service under test (its {@code mp.jwt.verify.audiences}).
 */
public final class TestTokens {

    static final Path KEYS_DIR = Path.of("target", "test-keys");

    private TestTokens() {
    }

    public static String bearer(String role, String participant) {
        return bearerFor(audience(), role, participant);
    }

    public static String bearerFor(String audience, String role, String participant) {
        return "Bearer " + tokenFor(audience, role, participant, participant.toLowerCase() + "-operator");
    }

    public static String token(String role, String participant, String subject) {
        return tokenFor(audience(), role, participant, subject);
    }

    public static String tokenFor(String audience, String role, String participant, String subject) {
        return LocalTokens.mint(signingKey(), audience, role, participant, subject, Duration.ofMinutes(10));
    }

    /** The audience the service under test accepts. */
    public static String audience() {
        return ConfigProvider.getConfig().getValue("mp.jwt.verify.audiences", String.class);
    }

    public static PrivateKey signingKey() {
        return LocalKeys.loadOrCreate(KEYS_DIR).getPrivate();
    }
}
