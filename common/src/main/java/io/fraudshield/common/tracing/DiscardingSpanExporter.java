package io.fraudshield.common.tracing;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.inject.Singleton;

import java.util.Collection;

/**
 * Where finished spans go when no collector is configured (dev, tests and local runs, unless
 * QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT is set): nowhere. Its presence replaces the OTLP exporter, which would
 * otherwise retry localhost:4317 and log every failure; spans, trace ids in logs and propagation are unchanged.
 */
@Singleton
@Unremovable
@LookupIfProperty(name = "fraudshield.tracing.exporter", stringValue = "discard")
public class DiscardingSpanExporter implements SpanExporter {

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
