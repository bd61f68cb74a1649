package io.fraudshield.stoppayment.sealing;

import io.fraudshield.stoppayment.rules.StopPaymentConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Seals the few clear values this service must hand on (an account number and holder name for the bank that
 * executes an order, a participant's webhook signing secrets) with AES-256-GCM: {@code keyId:base64(iv|ct)}.
 * The key id travels with the text so keys can rotate. Each value is bound to its place ({@code context}, e.g.
 * the order it belongs to): a value copied into another row by someone with database access does not open there.
 * Built at start-up: a missing key stops the service.
 */
@Startup
@ApplicationScoped
public class Sealer {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKeySpec> keys;
    private final String activeKeyId;
    private final SecureRandom random = new SecureRandom();

    public Sealer(StopPaymentConfig config) {
        this.keys = config.sealing().keys().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, entry -> {
            byte[] key = Base64.getDecoder().decode(entry.getValue());
            if (key.length != 32) {
                throw new IllegalStateException("stoppayment.sealing.keys." + entry.getKey() + " must be 32 bytes (base64)");
            }
            return new SecretKeySpec(key, "AES");
        }));
        this.activeKeyId = config.sealing().activeKeyId();
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalStateException("stoppayment.sealing.active-key-id names no key in stoppayment.sealing.keys");
        }
    }

    public String seal(String context, String clear) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(activeKeyId, context));
            byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            return activeKeyId + ":" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    public String open(String context, String sealed) {
        int colon = sealed.indexOf(':');
        SecretKeySpec key = colon < 0 ? null : keys.get(sealed.substring(0, colon));
        if (key == null) {
            throw new IllegalStateException("sealed with a key that is no longer configured");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(aad(sealed.substring(0, colon), context));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("sealed value cannot be opened", e);
        }
    }

    private static byte[] aad(String keyId, String context) {
        return (keyId + "|" + context).getBytes(StandardCharsets.UTF_8);
    }
}
