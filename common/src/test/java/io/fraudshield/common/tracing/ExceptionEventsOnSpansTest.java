package io.fraudshield.common.tracing;

import io.fraudshield.localstack.TestTokens;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Expected 4xx answers keep their span but record no exception on it (rendering a stack trace per anonymous
 * request was the most expensive part of a 401); a 5xx still carries its exception (docs/observability.md).
 */
@QuarkusTest
class ExceptionEventsOnSpansTest {

    private static final String CALLER = "/test/probe-effects/caller";

    @Inject
    FinishedSpans spans;

    @BeforeEach
    void forgetEarlierSpans() {
        spans.clear();
    }

    @Test
    void aRequestWithoutATokenIsA401WhoseSpanKeepsRouteAndStatusButRecordsNoException() throws Exception {
        given().get(CALLER).then().statusCode(401);
        SpanData span = spans.server(CALLER, 401);
        assertEquals(List.of(), exceptions(span), "no exception event, no stack trace");
        assertTrue(span.getName().contains(CALLER), span.getName());
    }

    @Test
    void aForgedTokenIsA401WithoutAnExceptionOnItsSpan() throws Exception {
        String valid = TestTokens.bearer("bank", "B102");
        String forged = valid.substring(0, valid.length() - 8) + "AAAAAAAA";
        given().header("Authorization", forged).get(CALLER).then().statusCode(401);
        assertEquals(List.of(), exceptions(spans.server(CALLER, 401)));
        spans.clear();
        given().header("Authorization", "Bearer not-a-jwt").get(CALLER).then().statusCode(401);
        assertEquals(List.of(), exceptions(spans.server(CALLER, 401)));
    }

    @Test
    void aRejectedBodyIsA400WithoutAnExceptionOnItsSpan() throws Exception {
        given().header("Authorization", TestTokens.bearer("bank", "B102"))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body("{\"label\": ").post("/test/probe-effects").then().statusCode(400);
        assertEquals(List.of(), exceptions(spans.server("/test/probe-effects", 400)));
    }

    @Test
    void anUnexpectedFailureIsA500WhoseSpanStillRecordsTheExceptionAndItsStackTrace() throws Exception {
        given().header("Authorization", TestTokens.bearer("bank", "B102")).get("/test/failures").then().statusCode(500);
        SpanData span = spans.server("/test/failures", 500);
        List<EventData> exceptions = exceptions(span);
        assertEquals(1, exceptions.size(), "the exception, once");
        assertEquals(IllegalStateException.class.getName(),
                exceptions.get(0).getAttributes().get(AttributeKey.stringKey("exception.type")));
        assertTrue(exceptions.get(0).getAttributes().get(AttributeKey.stringKey("exception.stacktrace"))
                .contains("FailingProbeResource.fail"));
        assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
    }

    private static List<EventData> exceptions(SpanData span) {
        return span.getEvents().stream().filter(event -> event.getName().equals("exception")).toList();
    }
}
