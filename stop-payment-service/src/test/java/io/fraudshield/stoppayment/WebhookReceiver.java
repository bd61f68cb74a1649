package io.fraudshield.stoppayment;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A bank's webhook endpoint: a real local HTTP server that answers 200 and keeps what it received. It can be
 * stopped and started again on the same port (a receiver that is down, then up). Verification is written here
 * from the documented scheme, independently of the service's signer.
 */
public final class WebhookReceiver {

    private int port;
    private WireMockServer server;

    public static WebhookReceiver started() {
        WebhookReceiver receiver = new WebhookReceiver();
        receiver.start();
        return receiver;
    }

    /** Starts on the port it had before (a fresh one the first time), with nothing received yet. */
    public synchronized void start() {
        server = new WireMockServer(options().port(port).bindAddress("127.0.0.1"));
        server.start();
        port = server.port();
        server.stubFor(post(urlPathEqualTo("/hooks")).willReturn(aResponse().withStatus(200)));
    }

    public synchronized void stop() {
        server.stop();
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/hooks";
    }

    public List<LoggedRequest> received() {
        return server.findAll(postRequestedFor(urlPathEqualTo("/hooks")));
    }

    /** Events received whose body mentions this text (an order id, say). */
    public List<LoggedRequest> receivedAbout(String text) {
        return received().stream().filter(r -> r.getBodyAsString().contains(text)).toList();
    }

    /** Whether one of the request's v1 signatures is HMAC-SHA256(secret, t + "." + body). */
    public static boolean signedWith(LoggedRequest request, String secret) {
        String header = request.getHeader("Webhook-Signature");
        String timestamp = Arrays.stream(header.split(",")).filter(p -> p.startsWith("t=")).findFirst().orElseThrow().substring(2);
        String expected = hmac(secret, timestamp + "." + request.getBodyAsString());
        return Arrays.stream(header.split(",")).anyMatch(part -> part.equals("v1=" + expected));
    }

    public static long signatureCount(LoggedRequest request) {
        return Arrays.stream(request.getHeader("Webhook-Signature").split(",")).filter(p -> p.startsWith("v1=")).count();
    }

    private static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
