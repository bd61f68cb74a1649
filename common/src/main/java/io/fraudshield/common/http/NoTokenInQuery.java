package io.fraudshield.common.http;

import io.fraudshield.common.problem.ProblemException;
import io.fraudshield.common.problem.ProblemType;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Refuses any request that carries a token in its query string: URLs end up in proxy and access logs.
 * Tokens are accepted only in the Authorization header.
 */
public class NoTokenInQuery {

    private static final Set<String> TOKEN_PARAMETERS = Set.of("access_token", "token", "id_token", "jwt", "bearer");
    private static final Pattern JWT_SHAPE = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*\\.?[A-Za-z0-9_-]*");

    @ServerRequestFilter(preMatching = true, priority = 100)
    public void refuseTokenInQuery(ContainerRequestContext request, HttpServerRequest http) {
        if (http.query() == null) {
            return; // most requests have no query string: nothing to parse
        }
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        for (var entry : query.entrySet()) {
            if (TOKEN_PARAMETERS.contains(entry.getKey().toLowerCase()) || looksLikeToken(entry.getValue())) {
                throw new ProblemException(ProblemType.UNAUTHENTICATED,
                        "Tokens in the query string are refused; send the token in the Authorization header");
            }
        }
    }

    private static boolean looksLikeToken(List<String> values) {
        return values.stream().anyMatch(value -> JWT_SHAPE.matcher(value).matches());
    }
}
