package io.fraudshield.localstack;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;

/** Bearer tokens for tests, signed with the key pair that {@link LocalStackTestResource} makes the app trust. */
public final class TestTokens {

    static final Path KEYS_DIR = Path.of("target", "test-keys");

    private TestTokens() {
    }

    public static String bearer(String role, String participant) {
        return "Bearer " + token(role, participant, participant.toLowerCase() + "-operator");
    }

    public static String token(String role, String participant, String subject) {
        return LocalTokens.mint(signingKey(), role, participant, subject, Duration.ofMinutes(10));
    }

    public static PrivateKey signingKey() {
        return LocalKeys.loadOrCreate(KEYS_DIR).getPrivate();
    }
}
