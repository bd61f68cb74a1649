package io.fraudshield.common.outbox;

import io.fraudshield.common.tracing.Traceparent;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The kernel tests' destination "probe": posts each message to {@link ProbeReceiver} over real HTTP. */
@ApplicationScoped
public class ProbeDelivery implements OutboxDelivery {

    public static final String DESTINATION = "probe";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Override
    public String destination() {
        return DESTINATION;
    }

    @Override
    public DeliveryOutcome deliver(OutboxMessage message) {
        HttpRequest request = HttpRequest.newBuilder(ProbeReceiver.get().url())
                .timeout(Duration.ofSeconds(20))
                .header(OutboxMessage.MESSAGE_ID_HEADER, message.id().toString())
                .header("Aggregate", message.aggregate())
                .header("traceparent", Traceparent.current().orElse("none"))
                .POST(HttpRequest.BodyPublishers.ofString(message.payload()))
                .build();
        try {
            return DeliveryOutcome.ofHttpStatus(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
