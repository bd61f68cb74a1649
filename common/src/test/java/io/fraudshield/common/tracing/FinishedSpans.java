package io.fraudshield.common.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.arc.Unremovable;
import jakarta.inject.Singleton;

import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;

/** The server spans the kernel test app finished, as an exporter would receive them (the last 200). */
@Singleton
@Unremovable
public class FinishedSpans implements SpanProcessor {

    static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
    static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");

    private final Deque<SpanData> servers = new ConcurrentLinkedDeque<>();

    /** The server span of the request to {@code route} answered with {@code status}, once it has ended. */
    SpanData server(String route, long status) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            for (SpanData span : servers) {
                if (route.equals(span.getAttributes().get(ROUTE)) && Long.valueOf(status).equals(span.getAttributes().get(STATUS))) {
                    return span;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no server span for " + route + " answered " + status + " among " + servers);
    }

    void clear() {
        servers.clear();
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
    }

    @Override
    public boolean isStartRequired() {
        return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        if (span.getKind() == SpanKind.SERVER) {
            servers.addFirst(span.toSpanData());
            while (servers.size() > 200) {
                servers.pollLast();
            }
        }
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
