package io.fraudshield.common.http;

import io.fraudshield.common.problem.ProblemType;
import io.fraudshield.common.problem.Problems;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Answers an oversized JSON body with a problem+json 413 before reading it, and a body of unknown length
 * with 411, so no request can make a service buffer more than {@code fraudshield.http.max-body-size}.
 * Paths listed in {@code fraudshield.http.streaming-paths} (bulk uploads read line by line) are exempt
 * and bounded by {@code quarkus.http.limits.max-body-size} instead.
 */
@ApplicationScoped
public class BodySizeLimit {

    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    private final long maxBytes;
    private final List<String> streamingPaths;
    private final Problems problems;

    public BodySizeLimit(@ConfigProperty(name = "fraudshield.http.max-body-size", defaultValue = "1M") MemorySize maxBodySize,
                         @ConfigProperty(name = "fraudshield.http.streaming-paths") Optional<List<String>> streamingPaths,
                         Problems problems) {
        this.maxBytes = maxBodySize.asLongValue();
        this.streamingPaths = streamingPaths.orElse(List.of());
        this.problems = problems;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, 1000);
    }

    private void check(RoutingContext context) {
        String path = context.request().path();
        if (!WITH_BODY.contains(context.request().method()) || streamingPaths.stream().anyMatch(path::startsWith)) {
            context.next();
            return;
        }
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared == null && context.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            refuse(context, ProblemType.LENGTH_REQUIRED, "Bodies of unknown length are refused; send Content-Length");
        } else if (declared != null && exceeds(declared)) {
            refuse(context, ProblemType.PAYLOAD_TOO_LARGE, "The body must not exceed " + maxBytes + " bytes");
        } else {
            context.next();
        }
    }

    private void refuse(RoutingContext context, ProblemType type, String detail) {
        context.response().setStatusCode(type.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(problems.json(type, detail, context.request().path()));
    }

    private boolean exceeds(String declared) {
        try {
            return Long.parseLong(declared.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
