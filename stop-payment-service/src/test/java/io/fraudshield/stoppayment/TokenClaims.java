package io.fraudshield.stoppayment;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The claims of a bearer token as JSON text (no verification: the receiver's job, here just a look). */
public final class TokenClaims {

    private TokenClaims() {
    }

    public static String of(String authorization) {
        String token = authorization.substring("Bearer ".length());
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }
}
