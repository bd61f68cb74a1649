package io.fraudshield.common.digest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of an object's canonical JSON (properties and map keys sorted): equal content, equal digest,
 * whatever the field order. Idempotency compares request bodies with it; the audit log keeps it instead of
 * the objects themselves.
 */
@ApplicationScoped
public class CanonicalDigest {

    private final ObjectMapper canonicalJson;

    public CanonicalDigest(ObjectMapper json) {
        this.canonicalJson = json.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true);
    }

    public String of(Object value) {
        return sha256Hex(canonicalJson(value));
    }

    /** The canonical JSON itself, for a keyed digest when the object may hold personal data. */
    public String canonicalJson(Object value) {
        try {
            return canonicalJson.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    public static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
