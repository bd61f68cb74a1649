package io.fraudshield.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * {@code scripts/token.sh SERVICE ROLE PARTICIPANT [SUBJECT] [TTL_SECONDS]}: prints a short-lived local token
 * that only SERVICE (its audience) accepts.
 */
public final class TokenMain {

    static final Set<String> ROLES = Set.of("bank", "payment-institution", "police", "regulator", "auditor", "admin");

    private TokenMain() {
    }

    public static void main(String[] args) {
        if (args.length < 3 || !LocalTokens.AUDIENCES.contains(args[0]) || !ROLES.contains(args[1])) {
            System.err.println("usage: scripts/token.sh SERVICE ROLE PARTICIPANT [SUBJECT] [TTL_SECONDS]");
            System.err.println("  SERVICE (the token's audience) is one of " + String.join(", ", LocalTokens.AUDIENCES));
            System.err.println("  ROLE is one of " + String.join(", ", ROLES.stream().sorted().toList()));
            System.exit(2);
        }
        String subject = args.length > 3 ? args[3] : args[2].toLowerCase() + "-operator";
        long ttl = args.length > 4 ? Long.parseLong(args[4]) : 3600;
        Path keys = Path.of(System.getenv().getOrDefault("FS_KEYS_DIR", ".local/keys"));
        var pair = LocalKeys.loadOrCreate(keys);
        System.out.println(LocalTokens.mint(pair.getPrivate(), args[0], args[1], args[2], subject, Duration.ofSeconds(ttl)));
    }
}
