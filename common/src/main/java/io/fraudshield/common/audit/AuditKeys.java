package io.fraudshield.common.audit;

import io.fraudshield.common.pseudonym.KeyedHash;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * Seals audit events, chain heads and checkpoints with HMAC-SHA256 under a key the database never holds:
 * {@code keyId + "." + mac}. Every seal also covers the service that made it ({@code quarkus.application.name}),
 * so a seal copied from another service's database (a genesis head is the same everywhere) does not verify
 * here, even under a shared key. Seals made under any configured key verify, so keys rotate without rewriting
 * history. Built at start-up, so a missing or short key stops the service instead of its first audited write.
 */
@Startup
@ApplicationScoped
public class AuditKeys {

    /** What a seal check found. */
    public enum Seal {
        VALID, MISSING, UNKNOWN_KEY, FORGED
    }

    private final Map<String, KeyedHash> keys = new TreeMap<>();
    private final KeyedHash active;
    private final String service;

    @Inject
    public AuditKeys(AuditConfig config, @ConfigProperty(name = "quarkus.application.name") String service) {
        this(service, config.activeKeyId(), config.keys());
    }

    /**
     * @param service    the service whose seals these are
     * @param base64Keys key id → base64 secret of at least 32 bytes
     */
    public AuditKeys(String service, String activeKeyId, Map<String, String> base64Keys) {
        if (service == null || service.isBlank()) {
            throw new IllegalStateException("quarkus.application.name must name the service: audit seals cover it");
        }
        this.service = service;
        base64Keys.forEach((id, base64) -> {
            if (!id.matches("[a-z0-9]{1,16}")) {
                throw new IllegalStateException("audit key id must be 1-16 lower-case letters or digits");
            }
            byte[] secret = Base64.getDecoder().decode(base64);
            if (secret.length < 32) {
                throw new IllegalStateException("audit key " + id + " must have at least 256 bits");
            }
            keys.put(id, new KeyedHash(id, secret));
        });
        this.active = keys.get(activeKeyId);
        if (active == null) {
            throw new IllegalStateException("fraudshield.audit.active-key-id names no key in fraudshield.audit.keys");
        }
    }

    /** The seal of {@code content} in {@code domain} (event, head, checkpoint) under the active key. */
    public String seal(String domain, String content) {
        return active.ref(scoped(domain), content);
    }

    public Seal check(String domain, String content, String seal) {
        if (seal == null || seal.indexOf('.') < 1) {
            return Seal.MISSING;
        }
        KeyedHash key = keys.get(seal.substring(0, seal.indexOf('.')));
        if (key == null) {
            return Seal.UNKNOWN_KEY;
        }
        byte[] expected = key.ref(scoped(domain), content).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, seal.getBytes(StandardCharsets.US_ASCII)) ? Seal.VALID : Seal.FORGED;
    }

    /** The seal's domain within this service: {@code <service>/<domain>}. */
    private String scoped(String domain) {
        return service + "/" + domain;
    }
}
