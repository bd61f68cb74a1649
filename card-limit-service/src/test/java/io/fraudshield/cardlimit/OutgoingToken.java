package io.fraudshield.cardlimit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.fraudshield.localstack.LocalKeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;

/** The bearer token card-limit-service sent on a request the account-risk stub recorded, signature checked. */
public record OutgoingToken(String value, JsonNode claims) {

    public static OutgoingToken of(LoggedRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            throw new AssertionError("no bearer token on " + request.getUrl());
        }
        String token = header.substring("Bearer ".length());
        String[] parts = token.split("\\.");
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(LocalKeys.loadOrCreate(Path.of("target", "test-keys")).getPublic());
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rs256.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                throw new AssertionError("the outgoing token's signature does not verify");
            }
            return new OutgoingToken(token, new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1])));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String claim(String name) {
        return claims.path(name).asText();
    }
}
