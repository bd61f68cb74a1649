package io.fraudshield.common.http;

import io.fraudshield.common.problem.ProblemType;
import io.fraudshield.common.problem.Problems;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a declared body over {@code quarkus.http.limits.max-body-size} with a problem+json 413 before
 * reading it. (Chunked bodies without a length are still cut off at the limit by the HTTP layer.)
 */
@ApplicationScoped
public class BodySizeLimit {

    private final long maxBytes;
    private final Problems problems;

    public BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
                         Problems problems) {
        this.maxBytes = maxBodySize.asLongValue();
        this.problems = problems;
    }

    void register(@Observes Filters filters) {
        filters.register(context -> {
            String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && exceeds(declared)) {
                context.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(problems.json(ProblemType.PAYLOAD_TOO_LARGE,
                                "The body must not exceed " + maxBytes + " bytes", context.request().path()));
                return;
            }
            context.next();
        }, 1000);
    }

    private boolean exceeds(String declared) {
        try {
            return Long.parseLong(declared.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
