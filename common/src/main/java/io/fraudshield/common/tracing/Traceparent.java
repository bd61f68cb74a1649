package io.fraudshield.common.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The W3C {@code traceparent} of a trace, for calls the Quarkus instrumentation does not see: the JDK
 * {@code HttpClient} deliveries and the outbox, which keeps the writer's trace with each message.
 */
public final class Traceparent {

    public static final String HEADER = "traceparent";
    private static final Pattern FORM = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");

    private Traceparent() {
    }

    /** The current span as a {@code traceparent} value, or empty outside any trace. */
    public static Optional<String> current() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return Optional.empty();
        }
        return Optional.of("00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex());
    }

    /** A context whose parent is the remote span {@code traceparent} names; the root context when it names none. */
    public static Context parentOf(String traceparent) {
        if (traceparent == null) {
            return Context.root();
        }
        Matcher parts = FORM.matcher(traceparent);
        if (!parts.matches()) {
            return Context.root();
        }
        SpanContext remote = SpanContext.createFromRemoteParent(parts.group(1), parts.group(2),
                TraceFlags.fromHex(parts.group(3), 0), TraceState.getDefault());
        return remote.isValid() ? Context.root().with(Span.wrap(remote)) : Context.root();
    }
}
