package io.fraudshield.cardlimit.regulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fraudshield.cardlimit.reservation.CardSlotRepository;
import io.fraudshield.cardlimit.rules.RuleBook;
import io.fraudshield.common.audit.AuditEntry;
import io.fraudshield.common.audit.AuditTrail;
import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Watches confirmations: at the threshold of new counted openings of a person (over every linked document)
 * across banks within the window, writes one
 * person-marker message to the outbox, in the confirming transaction, at most once per window.
 */
@ApplicationScoped
public class BulkOpeningSignal {

    public static final String MARKER_TYPE = "BULK_ACCOUNT_OPENING";
    /** The outbox message type: a person marker for account-risk-service. */
    public static final String PERSON_MARKER = "person-marker";

    private final BulkOpeningConfig config;
    private final CardSlotRepository slots;
    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final RuleBook rules;

    public BulkOpeningSignal(BulkOpeningConfig config, CardSlotRepository slots, EntityManager entityManager,
                             ObjectMapper json, AuditTrail audit, Outbox outbox, RuleBook rules) {
        this.rules = rules;
        this.config = config;
        this.slots = slots;
        this.entityManager = entityManager;
        this.json = json;
        this.audit = audit;
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void afterConfirmation(Caller caller, String customerRef, List<String> personRefs) {
        Instant now = Instant.now();
        Instant since = now.minus(config.window());
        long recent = slots.confirmedSince(personRefs, since, rules.excludedCategories());
        if (recent < config.threshold()) {
            return;
        }
        // serialise signalling per customer: the first confirmer to get here in a window signals
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))").setParameter(1, customerRef)
                .getSingleResult();
        Number earlier = (Number) entityManager.createNativeQuery(
                        "select count(*) from bulk_opening_signal where customer_ref = ?1 and signalled_at > ?2")
                .setParameter(1, customerRef).setParameter(2, since).getSingleResult();
        if (earlier.longValue() > 0) {
            return;
        }
        entityManager.createNativeQuery("insert into bulk_opening_signal (customer_ref, signalled_at) values (?1, ?2)")
                .setParameter(1, customerRef).setParameter(2, now).executeUpdate();
        Map<String, Object> marker = new LinkedHashMap<>();
        marker.put("customerRef", customerRef);
        marker.put("type", MARKER_TYPE);
        marker.put("reasonCode", "ABNORMAL_ACCOUNT_OPENING");
        marker.put("source", "card-limit-service");
        marker.put("evidence", Map.of("newCards", recent, "banks", slots.banksConfirmedSince(personRefs, since, rules.excludedCategories()),
                "window", config.window().toString()));
        marker.put("observedAt", now.toString());
        outbox.enqueue(customerRef, PERSON_MARKER, PersonMarkerDelivery.DESTINATION, write(marker));
        audit.append(caller, new AuditEntry("signal.bulk-opening", "RULES A3 §6, A4 Art. 16", "person",
                customerRef, null, marker));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
