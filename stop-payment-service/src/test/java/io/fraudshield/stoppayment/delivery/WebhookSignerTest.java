package io.fraudshield.stoppayment.delivery;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WebhookSignerTest {

    @Test
    void oneV1PerActiveSecretOverTimestampDotBody() {
        // expected values from Python: hmac.new(secret, b'1700000000.{"a":1}', sha256).hexdigest()
        assertEquals("t=1700000000"
                        + ",v1=aee220220bcca33160ddb87ae3e4a11dcb2906fe69db985cd77c8b2e9a9d1b3f"
                        + ",v1=76dbb3becbfa769de21ef3e7040e393d4494d89fec6ad1a4e753fd3bd2a00f7b",
                WebhookSigner.signatureHeader(1700000000L, "{\"a\":1}", List.of("whsec-a", "whsec-b")));
    }
}
