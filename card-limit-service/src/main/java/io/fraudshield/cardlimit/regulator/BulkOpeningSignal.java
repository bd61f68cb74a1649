package io.fraudshield.cardlimit.regulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fraudshield.cardlimit.slot.SlotStatements;
import io.fraudshield.cardlimit.rules.RuleBook;
import io.fraudshield.common.audit.AuditEntry;
import io.fraudshield.common.audit.AuditTrail;
import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import io.fraudshield.common.sql.RoundTrip;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

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
    private final ObjectMapper json;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final RuleBook rules;

    public BulkOpeningSignal(BulkOpeningConfig config, ObjectMapper json, AuditTrail audit, Outbox outbox, RuleBook rules) {
        this.rules = rules;
        this.config = config;
        this.json = json;
        this.audit = audit;
        this.outbox = outbox;
    }

    /** Where the window of counted openings starts for a confirmation at {@code now}. */
    public Instant windowStart(Instant now) {
        return now.minus(config.window());
    }

    /** Whether this many counted openings within the window make a person's openings abnormal. */
    public boolean reached(long recent) {
        return recent >= config.threshold();
    }

    /**
     * After a confirmation that took a person to the threshold ({@link #reached}): the first confirmer in a window
     * signals, serialised per customer by an advisory lock. One round trip on the confirmation's connection (the lock,
     * the earlier signal, the banks, the person's audit chain head); the signal, the outbox message and the audit
     * event join {@code last}, the round trip that commits the confirmation.
     */
    public void afterConfirmationIn(Connection connection, RoundTrip last, AuditTrail.Heads heads, Caller caller, UUID slotId,
                                    String bank, String customerRef, long recent, Instant now) throws SQLException {
        Instant since = windowStart(now);
        RoundTrip check = new RoundTrip();
        check.add("select pg_advisory_xact_lock(hashtext(?))", customerRef);
        int earlier = check.add("select count(*) from bulk_opening_signal where customer_ref = ? and signalled_at > ?",
                customerRef, since);
        int banks = SlotStatements.banksConfirmedSinceWith(check, slotId, bank, since, rules.excludedCategories());
        // the confirmation's heads: the card's event and this one may share a chain
        audit.lockMoreHeadsIn(check, heads, new AuditTrail.Subject("person", customerRef));
        RoundTrip.Results results = check.run(connection);
        if (((Number) results.rows(earlier).single()[0]).longValue() > 0) {
            return;
        }
        heads.read(results);
        last.add("insert into bulk_opening_signal (customer_ref, signalled_at) values (?, ?)", customerRef, now);
        Map<String, Object> marker = new LinkedHashMap<>();
        marker.put("customerRef", customerRef);
        marker.put("type", MARKER_TYPE);
        marker.put("reasonCode", "ABNORMAL_ACCOUNT_OPENING");
        marker.put("source", "card-limit-service");
        marker.put("evidence", Map.of("newCards", recent, "banks", ((Number) results.rows(banks).single()[0]).longValue(),
                "window", config.window().toString()));
        marker.put("observedAt", now.toString());
        outbox.enqueueIn(last, customerRef, PERSON_MARKER, PersonMarkerDelivery.DESTINATION, write(marker));
        audit.appendIn(last, heads, caller, new AuditEntry("signal.bulk-opening", "RULES A3 §6, A4 Art. 16", "person",
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
