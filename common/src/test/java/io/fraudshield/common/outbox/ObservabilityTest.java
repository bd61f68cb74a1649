package io.fraudshield.common.outbox;

import io.agroal.api.AgroalDataSource;
import io.fraudshield.common.tracing.DiscardingSpanExporter;
import io.fraudshield.localstack.Metrics;
import io.fraudshield.localstack.TestSql;
import io.fraudshield.localstack.TestTokens;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Traces through the outbox, trace ids in log lines, and the kernel's metrics (docs/observability.md). */
@QuarkusTest
class ObservabilityTest {

    @Inject
    Outbox outbox;
    @Inject
    OutboxRelay relay;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Tracer tracer;
    @Inject
    @Any
    Instance<SpanExporter> exporters;

    private final ProbeReceiver receiver = ProbeReceiver.get();

    @Test
    void withoutACollectorConfiguredSpansAreDiscardedInsteadOfSentToLocalhost() {
        // Quarkus drops its OTLP exporter when another SpanExporter bean resolves: ours, selected by configuration
        assertTrue(exporters.stream().anyMatch(DiscardingSpanExporter.class::isInstance),
                "tests export nowhere (and log no connection failures to localhost:4317)");
    }

    @Test
    void theOutboxKeepsTheWritersTraceAndItsDeliveryContinuesItInAChildSpan() {
        String aggregate = "trace-" + UUID.randomUUID();
        SpanContext writer = enqueueInASpan(aggregate);
        String stored = TestSql.text(dataSource, "select traceparent from outbox where aggregate = ?", aggregate);
        assertEquals("00-" + writer.getTraceId() + "-" + writer.getSpanId() + "-01", stored);

        relay.relayDue();
        List<ProbeReceiver.Received> received = receiver.receivedFor(aggregate);
        assertEquals(1, received.size());
        String[] sent = received.get(0).traceparent().split("-");
        assertEquals(writer.getTraceId(), sent[1], "the delivery belongs to the writer's trace");
        assertNotEquals(writer.getSpanId(), sent[2], "in a span of its own, a child of the writer's");
    }

    @Test
    void aMessageWrittenOutsideAnyTraceIsDeliveredInATraceOfItsOwn() {
        String aggregate = "untraced-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(aggregate, "probe.test", ProbeDelivery.DESTINATION, "{}"));
        assertEquals(0, TestSql.number(dataSource,
                "select count(*) from outbox where aggregate = ? and traceparent is not null", aggregate));
        relay.relayDue();
        assertTrue(receiver.receivedFor(aggregate).get(0).traceparent().matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"));
    }

    @Test
    void theRelaysLogLinesAboutAMessageCarryTheTraceIdOfTheRequestThatWroteIt() throws Exception {
        String aggregate = "logged-" + UUID.randomUUID();
        receiver.answer(aggregate, 503);
        List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                ExtLogRecord ext = (ExtLogRecord) record;
                ext.copyMdc();
                records.add(ext);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(OutboxRelay.class.getName());
        logger.addHandler(capture);
        try {
            SpanContext writer = enqueueInASpan(aggregate);
            relay.relayDue();
            // the console format every profile uses (JSON logs carry the same ids in their mdc object)
            PatternFormatter format = new PatternFormatter(
                    ConfigProvider.getConfig().getValue("quarkus.log.console.format", String.class));
            String line = records.stream().map(format::format).filter(l -> l.contains("not delivered")).findFirst()
                    .orElseThrow(() -> new AssertionError("the relay logs the failed attempt"));
            assertTrue(line.contains("traceId=" + writer.getTraceId()), line);
            assertTrue(line.matches("(?s).*spanId=[0-9a-f]{16}.*"), line);
        } finally {
            logger.removeHandler(capture);
            // settle it, as every outbox test does: a pending message would wait for the next test's relay
            TestSql.execute(dataSource, "update outbox set status = 'DELIVERED', delivered_at = now() where aggregate = '"
                    + aggregate + "'");
        }
    }

    @Test
    void serverLatencyIsAHistogramPerRouteTemplateTaggedWithTheService() {
        given().header("Authorization", TestTokens.bearer("bank", "B102")).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(probe("histogram")).post("/test/probe-effects");
        String metrics = Metrics.scrape();
        assertTrue(metrics.contains("http_server_requests_seconds_bucket{"), "a histogram, not a summary");
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("http_server_requests_seconds_bucket{")
                && l.contains("le=\"0.025\"") && l.contains("service=\"kernel-test\"")
                && l.contains("uri=\"/test/probe-effects\"")), "SLO buckets, the service and the templated route");
        assertTrue(metrics.contains("agroal_active_count{"), "the JDBC pool's metrics are on");
        assertFalse(metrics.lines().anyMatch(l -> l.startsWith("fraudshield_") && !l.contains("service=\"kernel-test\"")),
                "every FraudShield meter carries the service tag");
    }

    @Test
    void anIdempotentReplayIsCountedOnceItHappensAndNotBefore() {
        String key = UUID.randomUUID().toString();
        String body = probe("replayed");
        double before = Metrics.sum("fraudshield_idempotency_replays_total", "operation=\"ProbeView\"");
        given().header("Authorization", TestTokens.bearer("bank", "B102")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/test/probe-effects").then().statusCode(201);
        assertEquals(before, Metrics.sum("fraudshield_idempotency_replays_total", "operation=\"ProbeView\""),
                "the first request is no replay");
        given().header("Authorization", TestTokens.bearer("bank", "B102")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/test/probe-effects").then().statusCode(201)
                .header("Idempotent-Replayed", "true");
        assertEquals(before + 1, Metrics.sum("fraudshield_idempotency_replays_total", "operation=\"ProbeView\""));
    }

    private static String probe(String label) {
        return "{\"label\":\"" + label + "\",\"customer\":{\"type\":\"RESIDENT_ID\",\"number\":\"11010519491231002X\"},"
                + "\"amount\":\"1.00\"}";
    }

    private SpanContext enqueueInASpan(String aggregate) {
        Span span = tracer.spanBuilder("writer").startSpan();
        try (Scope ignored = span.makeCurrent()) {
            QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(aggregate, "probe.test", ProbeDelivery.DESTINATION, "{}"));
            return span.getSpanContext();
        } finally {
            span.end();
        }
    }
}
