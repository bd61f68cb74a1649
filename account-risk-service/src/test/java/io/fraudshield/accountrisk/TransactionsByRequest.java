package io.fraudshield.accountrisk;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.transaction.TransactionScoped;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every JTA transaction begun while an HTTP request was being served, as "METHOD path": for tests that a read
 * path begins none. Background jobs begin theirs outside any HTTP request and are not recorded.
 */
@Singleton
public class TransactionsByRequest {

    private final CurrentVertxRequest request;
    private final List<String> begun = new CopyOnWriteArrayList<>();

    public TransactionsByRequest(CurrentVertxRequest request) {
        this.request = request;
    }

    void begun(@Observes @Initialized(TransactionScoped.class) Object transaction) {
        // scheduled jobs run with a request context too, but without an HTTP request: not recorded
        RoutingContext current = Arc.container().requestContext().isActive() ? request.getCurrent() : null;
        if (current != null) {
            begun.add(current.request().method().name() + " " + current.request().path());
        }
    }

    /** How many transactions requests with this method and path began. */
    public long begunBy(String method, String path) {
        return begun.stream().filter(entry -> entry.equals(method + " " + path)).count();
    }
}
