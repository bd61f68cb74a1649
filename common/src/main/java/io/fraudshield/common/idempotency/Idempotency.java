package io.fraudshield.common.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.digest.CanonicalDigest;
import io.fraudshield.common.metrics.BusinessMetrics;
import io.fraudshield.common.problem.ProblemException;
import io.fraudshield.common.problem.ProblemType;
import io.fraudshield.common.pseudonym.Pseudonymizer;
import io.fraudshield.common.sql.RoundTrip;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Runs a state-changing request at most once per caller and {@code Idempotency-Key}
 * (IETF draft-ietf-httpapi-idempotency-key-header). The effect and the stored response commit in one
 * transaction, so a crash leaves neither; a duplicate sent while the first is running gets 409, one sent
 * after gets the stored response (same status, Location and body), one with a different body gets 422.
 * Bodies are compared by a keyed digest (HMAC under the pseudonym keys) of their canonical JSON: a body
 * holds card and ID numbers, and an unkeyed hash of it could be reversed by trying every number.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern KEY_FORM = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private static final String DIGEST_DOMAIN = "IDEMPOTENT-REQUEST";

    private final IdempotencyStore store;
    private final CanonicalDigest canonical;
    private final Pseudonymizer pseudonymizer;
    private final ObjectMapper json;
    @Inject
    BusinessMetrics metrics;

    public Idempotency(IdempotencyStore store, CanonicalDigest canonical, Pseudonymizer pseudonymizer, ObjectMapper json) {
        this.store = store;
        this.canonical = canonical;
        this.pseudonymizer = pseudonymizer;
        this.json = json;
    }

    /**
     * @param key     the request's Idempotency-Key header (required)
     * @param request the parsed request body, compared by its canonical JSON
     * @param view    the response body's type: a replay reads the stored body back into it
     * @param effect  the state change and its typed response
     */
    @Transactional
    public <T> RestResponse<T> once(Caller caller, String key, Object request, Class<T> view,
                                    Supplier<RestResponse<T>> effect) {
        checkedKey(key);
        String scope = caller.participant().value() + "/" + caller.subject();
        String requestJson = canonical.canonicalJson(request);
        Optional<RestResponse<T>> earlier = earlier(store.claim(scope, key), requestJson, view);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        RestResponse<T> response = effect.get();
        store.save(scope, key, stored(requestJson, response));
        return response;
    }

    /**
     * The same rules as {@link #once}, for a write that makes its own round trips on one connection (plain JDBC, no
     * JTA): the claim rides in the caller's first round trip, the record in the one that commits. Then
     * {@link Claimed#earlier} says whether to replay, and {@link Claimed#recordIn} adds the record.
     */
    public Claimed claimIn(RoundTrip trip, Caller caller, String key, Object request) {
        checkedKey(key);
        String scope = caller.participant().value() + "/" + caller.subject();
        return new Claimed(scope, key, canonical.canonicalJson(request), store.claimIn(trip, scope, key));
    }

    /** A claim sent in a caller's round trip. */
    public final class Claimed {

        private final String scope;
        private final String key;
        private final String requestJson;
        private final IdempotencyStore.Claiming claiming;

        private Claimed(String scope, String key, String requestJson, IdempotencyStore.Claiming claiming) {
            this.scope = scope;
            this.key = key;
            this.requestJson = requestJson;
            this.claiming = claiming;
        }

        /**
         * The stored response to replay, or empty when the effect is to run now; a problem (409 in flight, 422 key
         * reused with another body) when neither.
         */
        public <T> Optional<RestResponse<T>> earlier(RoundTrip.Results results, Class<T> view) {
            return Idempotency.this.earlier(claiming.claim(results), requestJson, view);
        }

        /** The response's record, added to the round trip that commits the effect. */
        public void recordIn(RoundTrip trip, RestResponse<?> response) {
            store.saveIn(trip, scope, key, stored(requestJson, response));
        }
    }

    private <T> Optional<RestResponse<T>> earlier(IdempotencyStore.Claim claim, String requestJson, Class<T> view) {
        if (!claim.locked()) {
            throw new ProblemException(ProblemType.IDEMPOTENCY_IN_FLIGHT,
                    "A request with this Idempotency-Key is still being processed; retry later");
        }
        Optional<StoredResponse> earlier = claim.stored();
        if (earlier.isPresent()) {
            if (!pseudonymizer.matches(earlier.get().requestDigest(), DIGEST_DOMAIN, requestJson)) {
                throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key was already used with a different request body; use a new key");
            }
            metrics.idempotentReplay(view.getSimpleName());
            return Optional.of(replay(earlier.get(), view));
        }
        return Optional.empty();
    }

    private StoredResponse stored(String requestJson, RestResponse<?> response) {
        return new StoredResponse(pseudonymizer.digest(DIGEST_DOMAIN, requestJson), response.getStatus(),
                write(response.getEntity()), response.getLocation() == null ? null : response.getLocation().toString());
    }

    /** The key as sent, or a 400 problem when it is missing or malformed. */
    public static String checkedKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_MISSING,
                    "Send an Idempotency-Key header (1-255 visible ASCII characters, e.g. a UUID) with this request");
        }
        if (!KEY_FORM.matcher(key).matches()) {
            throw ProblemException.invalidField(HEADER, "must be 1-255 visible ASCII characters");
        }
        return key;
    }

    /** The stored response again, its body read back into the view type so it is written exactly as before. */
    private <T> RestResponse<T> replay(StoredResponse stored, Class<T> view) {
        try {
            // lenient: a field a later release removed from the view must not turn a stored answer into a 500
            T entity = stored.body() == null ? null : json.readerFor(view)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(stored.body());
            RestResponse.ResponseBuilder<T> builder = RestResponse.ResponseBuilder.<T>create(stored.status()).entity(entity);
            if (stored.location() != null) {
                builder.location(URI.create(stored.location()));
            }
            return builder.header(REPLAYED_HEADER, "true").build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored response no longer matches " + view.getSimpleName(), e);
        }
    }

    private String write(Object entity) {
        if (entity == null) {
            return null;
        }
        try {
            return json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store response", e);
        }
    }

    /**
     * A request body together with the resource it acts on ({@code POST /things/{id}/action}): one key can then
     * never be replayed against another resource with the same body.
     */
    public record Target(Object id, Object body) {
    }

    /** A response as first sent, replayed identically. */
    public record StoredResponse(String requestDigest, int status, String body, String location) {
    }
}
