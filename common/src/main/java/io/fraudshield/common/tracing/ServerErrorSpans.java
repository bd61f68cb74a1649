package io.fraudshield.common.tracing;

import io.opentelemetry.instrumentation.api.instrumenter.LocalRootSpan;
import jakarta.ws.rs.core.Response;

/**
 * Which failures the request's span records as an exception event: only those answered with a 5xx. Quarkus's
 * own REST instrumentation (off: {@code quarkus.otel.instrument.rest=false}) recorded every exception, so each
 * unauthenticated 401 and each rejected body rendered a stack trace into its span, a cost an anonymous caller
 * could multiply at will (docs/observability.md). An expected 4xx keeps its span, route and status code.
 */
public final class ServerErrorSpans {

    private ServerErrorSpans() {
    }

    /** {@code response}, after recording {@code failure} on the request's span if the response is a 5xx. */
    public static Response answer(Throwable failure, Response response) {
        if (response.getStatus() >= 500) {
            LocalRootSpan.current().recordException(failure);
        }
        return response;
    }
}
