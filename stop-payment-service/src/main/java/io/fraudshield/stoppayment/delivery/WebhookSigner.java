package io.fraudshield.stoppayment.delivery;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Webhook signatures as Marble (and Stripe) write them: HMAC-SHA256 over {@code timestamp + "." + body} under each
 * active secret, sent as {@code Webhook-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>]}. A receiver accepts the
 * event when any v1 matches one of its secrets and t is recent, so secrets rotate without a gap.
 */
public final class WebhookSigner {

    public static final String SIGNATURE_HEADER = "Webhook-Signature";
    public static final String EVENT_ID_HEADER = "Webhook-Id";

    private WebhookSigner() {
    }

    public static String signatureHeader(long timestamp, String body, List<String> secrets) {
        return "t=" + timestamp + secrets.stream().map(secret -> ",v1=" + sign(timestamp, body, secret))
                .collect(Collectors.joining());
    }

    public static String sign(long timestamp, String body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
