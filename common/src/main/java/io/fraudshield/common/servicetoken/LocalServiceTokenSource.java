package io.fraudshield.common.servicetoken;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The local issuer: signs RS256 tokens with the local-stack key pair that local runs and tests trust, shaped
 * like the identity provider's client-credentials tokens (role {@code service}, this service as subject).
 */
final class LocalServiceTokenSource implements ServiceTokenSource {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"local\"}";

    private final PrivateKey key;
    private final ServiceTokensConfig.Local config;
    private final String service;
    private final ObjectMapper json;
    private final Clock clock;

    LocalServiceTokenSource(ServiceTokensConfig.Local config, String service, ObjectMapper json, Clock clock) {
        this.config = config;
        this.service = service;
        this.json = json;
        this.clock = clock;
        this.key = readKey(Path.of(config.signingKeyLocation().orElseThrow(() -> new IllegalStateException(
                "fraudshield.service-tokens.local.signing-key-location is required for local service tokens"))));
    }

    @Override
    public IssuedToken issue(String audience) {
        Instant now = clock.instant();
        Instant expires = now.plus(config.lifetime());
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", config.issuer());
        claims.put("aud", audience);
        claims.put("sub", service);
        claims.put("upn", service);
        claims.put("groups", List.of("service"));
        claims.put("participant", config.participant());
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", expires.getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        try {
            String signingInput = encode(HEADER) + "." + encode(json.writeValueAsString(claims));
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return new IssuedToken(signingInput + "." + BASE64URL.encodeToString(rs256.sign()), now, expires);
        } catch (JsonProcessingException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot mint a local service token", e);
        }
    }

    private static String encode(String text) {
        return BASE64URL.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static PrivateKey readKey(Path pem) {
        try {
            String body = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the local signing key " + pem, e);
        }
    }
}
