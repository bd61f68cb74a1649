package io.fraudshield.common.pseudonym;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * HMAC-SHA256 under one named key: {@code keyId + "." + base64url(mac)}. The key id travels with every
 * reference so keys can rotate: references made under an older key are recognised by their prefix.
 */
public final class KeyedHash {

    private final String keyId;
    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    public KeyedHash(String keyId, byte[] secret) {
        if (!keyId.matches("[a-z0-9]{1,16}")) {
            throw new IllegalArgumentException("pseudonym key id must be 1-16 lower-case letters or digits");
        }
        if (secret.length < 32) {
            throw new IllegalArgumentException("pseudonym key " + keyId + " must have at least 256 bits");
        }
        this.keyId = keyId;
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    public String keyId() {
        return keyId;
    }

    public String ref(String domain, String canonicalValue) {
        // doFinal resets the Mac, so each thread reuses one: looking the algorithm up per call was 18 % of a
        // 1,000-account status query (bench/account-risk/RESULTS.md)
        byte[] digest = macs.get().doFinal((domain + ":" + canonicalValue).getBytes(StandardCharsets.UTF_8));
        return keyId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
