package io.fraudshield.common.outbox;

import io.fraudshield.common.tracing.Traceparent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Supplier;

/**
 * Continues the writer's trace through the outbox: each delivery attempt runs in a span whose parent is the
 * {@code traceparent} stored with the message, so its HTTP call, its log lines and the receiver's spans join the
 * trace of the request that caused the message, however late or often it is delivered.
 */
@ApplicationScoped
public class OutboxTracing {

    private final Tracer tracer;

    public OutboxTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /** @return what {@code relay} returned: whether the message was delivered (the span is an error otherwise) */
    boolean within(OutboxMessage message, Supplier<Boolean> relay) {
        Span span = tracer.spanBuilder("outbox deliver " + message.destination())
                .setParent(Traceparent.parentOf(message.traceparent()))
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "fraudshield-outbox")
                .setAttribute("messaging.destination.name", message.destination())
                .setAttribute("messaging.message.id", message.id().toString())
                .setAttribute("fraudshield.outbox.attempt", message.attempt())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            boolean delivered = relay.get();
            if (!delivered) {
                span.setStatus(StatusCode.ERROR, "not delivered");
            }
            return delivered;
        } finally {
            span.end();
        }
    }
}
