package io.fraudshield.common.http;

import io.fraudshield.common.problem.ProblemType;
import io.fraudshield.common.problem.Problems;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Bounds every request body before a byte of it is read, by route rather than by path prefix:
 * <ol>
 *   <li>a path not written in canonical form ({@code ..} or {@code .} segments, {@code //}, {@code ;},
 *       percent-encoded dots, slashes or backslashes) is refused with 400, so a route is named one way only
 *       and no spelling can borrow another route's limit;</li>
 *   <li>the routes in {@code fraudshield.http.streaming-routes} ({@code "POST /v1/stock-uploads"}: bulk
 *       uploads read line by line) match exactly and are bounded by {@code quarkus.http.limits.max-body-size};</li>
 *   <li>every other body must declare its length and stay within {@code fraudshield.http.max-body-size}
 *       (413), whatever the method (a GET or DELETE with a body is bounded too); a body of unknown length, chunked in HTTP/1.1 or unframed in HTTP/2, is refused with 411.</li>
 * </ol>
 */
@ApplicationScoped
public class BodySizeLimit {

    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    private final long maxBytes;
    private final List<String> streamingRoutes;
    private final Problems problems;

    public BodySizeLimit(@ConfigProperty(name = "fraudshield.http.max-body-size", defaultValue = "1M") MemorySize maxBodySize,
                         @ConfigProperty(name = "fraudshield.http.streaming-routes") Optional<List<String>> streamingRoutes,
                         Problems problems) {
        this.maxBytes = maxBodySize.asLongValue();
        this.streamingRoutes = streamingRoutes.orElse(List.of());
        this.problems = problems;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, 1000);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        String path = request.path();
        if (!CanonicalPath.isCanonical(path)) {
            refuse(context, ProblemType.NON_CANONICAL_PATH,
                    "Write the path in canonical form: no '.' or '..' segments, '//', ';' or percent-encoded dots and slashes",
                    null);
            return;
        }
        if (streamingRoutes.contains(request.method().name() + " " + path)) {
            context.next();
            return;
        }
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared == null && bodyFollows(request)) {
            refuse(context, ProblemType.LENGTH_REQUIRED, "Bodies of unknown length are refused; send Content-Length", path);
        } else if (declared != null && exceeds(declared)) {
            refuse(context, ProblemType.PAYLOAD_TOO_LARGE, "The body must not exceed " + maxBytes + " bytes", path);
        } else {
            context.next();
        }
    }

    /**
     * Without Content-Length, HTTP/1.1 has a body only when chunked, whatever the method; HTTP/2 when a method
     * that carries one left the stream open (a GET's stream may legitimately close with an empty frame).
     */
    private static boolean bodyFollows(HttpServerRequest request) {
        if (request.version() == HttpVersion.HTTP_2) {
            return WITH_BODY.contains(request.method()) && !request.isEnded();
        }
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    private void refuse(RoutingContext context, ProblemType type, String detail, String instance) {
        context.response().setStatusCode(type.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE);
        if (context.request().version() != HttpVersion.HTTP_2) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        context.response().end(problems.json(type, detail, instance));
    }

    private boolean exceeds(String declared) {
        try {
            return Long.parseLong(declared.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
