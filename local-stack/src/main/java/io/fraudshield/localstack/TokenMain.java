package io.fraudshield.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/** {@code scripts/token.sh ROLE PARTICIPANT [SUBJECT] [TTL_SECONDS]}: prints a short-lived local token. */
public final class TokenMain {

    static final Set<String> ROLES = Set.of("bank", "payment-institution", "police", "regulator", "auditor", "admin");

    private TokenMain() {
    }

    public static void main(String[] args) {
        if (args.length < 2 || !ROLES.contains(args[0])) {
            System.err.println("usage: scripts/token.sh ROLE PARTICIPANT [SUBJECT] [TTL_SECONDS]");
            System.err.println("  ROLE is one of " + String.join(", ", ROLES.stream().sorted().toList()));
            System.exit(2);
        }
        String subject = args.length > 2 ? args[2] : args[1].toLowerCase() + "-operator";
        long ttl = args.length > 3 ? Long.parseLong(args[3]) : 3600;
        Path keys = Path.of(System.getenv().getOrDefault("FS_KEYS_DIR", ".local/keys"));
        var pair = LocalKeys.loadOrCreate(keys);
        System.out.println(LocalTokens.mint(pair.getPrivate(), args[0], args[1], subject, Duration.ofSeconds(ttl)));
    }
}
