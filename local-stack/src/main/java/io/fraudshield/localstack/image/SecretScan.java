package io.fraudshield.localstack.image;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Looks through an image's files, and through the entries of the jars among them, for what must never ship: key
 * and certificate files, a developer's {@code .local/} keys, PEM private keys in any resource, and configuration
 * that gives a password, secret or key a literal value outside the dev, test and local profiles (production
 * values come from the environment, {@code ${...}}).
 */
final class SecretScan {

    private static final Pattern KEY_FILE = Pattern.compile("(?i).*\\.(pem|key|p12|pfx|jks|keystore|pkcs8|crt|der)$");
    private static final Pattern LOCAL_FILE = Pattern.compile(".*/(\\.local|test-keys|\\.git|\\.ssh)/.*");
    private static final byte[] PRIVATE_KEY = "PRIVATE KEY-----".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern CONFIG_FILE = Pattern.compile("(.*/)?(application\\.properties|META-INF/microprofile-config\\.properties)$");
    private static final Pattern SECRET_PROPERTY = Pattern.compile("^(%([\\w,-]+)\\.)?([\\w.\"-]*(password|secret|\\.keys\\.[\\w\"-]+))$",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> NON_PRODUCTION_PROFILES = Set.of("dev", "test", "local");

    private final List<String> findings = new ArrayList<>();

    List<String> findings() {
        return findings;
    }

    void file(String path, InputStream content) throws IOException {
        checkName(path);
        byte[] bytes = content.readAllBytes();
        checkContent(path, bytes);
        if (path.endsWith(".jar")) {
            try (ZipInputStream jar = new ZipInputStream(new ByteArrayInputStream(bytes))) {
                ZipEntry entry;
                while ((entry = jar.getNextEntry()) != null) {
                    if (!entry.isDirectory()) {
                        String inner = path + "!/" + entry.getName();
                        checkName(inner);
                        checkContent(inner, jar.readAllBytes());
                    }
                }
            }
        }
    }

    private void checkName(String path) {
        if (KEY_FILE.matcher(path).matches() || LOCAL_FILE.matcher(path).matches()) {
            findings.add(path + ": a key, certificate or local file");
        }
    }

    private void checkContent(String path, byte[] bytes) throws IOException {
        // class files may hold PEM markers as parser constants; any other resource holding one holds a key
        if (!path.endsWith(".class") && contains(bytes, PRIVATE_KEY)) {
            findings.add(path + ": holds a PEM private key");
        }
        if (CONFIG_FILE.matcher(path).matches()) {
            checkConfig(path, new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private void checkConfig(String path, String properties) throws IOException {
        try (var lines = new java.io.BufferedReader(new StringReader(properties))) {
            String line;
            while ((line = lines.readLine()) != null) {
                int equals = line.indexOf('=');
                if (line.isBlank() || line.stripLeading().startsWith("#") || equals < 0) {
                    continue;
                }
                Matcher key = SECRET_PROPERTY.matcher(line.substring(0, equals).strip());
                String value = line.substring(equals + 1).strip();
                if (key.matches() && reachesProduction(key.group(2)) && !value.isEmpty() && !value.matches("\\$\\{[^}]+}")) {
                    findings.add(path + ": " + key.group(3) + " has a literal value in production");
                }
            }
        }
    }

    private static boolean reachesProduction(String profiles) {
        return profiles == null || !NON_PRODUCTION_PROFILES.containsAll(List.of(profiles.split(",")));
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
