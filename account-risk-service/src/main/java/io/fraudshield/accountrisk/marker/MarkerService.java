package io.fraudshield.accountrisk.marker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fraudshield.accountrisk.feed.ChangeFeed;
import io.fraudshield.accountrisk.feed.FeedChange;
import io.fraudshield.common.audit.AuditEntry;
import io.fraudshield.common.audit.AuditTrail;
import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.problem.ProblemException;
import io.fraudshield.common.problem.ProblemType;
import io.fraudshield.common.pseudonym.Pseudonymizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes markers: only the roles configured for a category may write it; a BLACK marker waits for a second
 * person of the same participant (maker-checker) unless its category is exempt; revocation is audited. Every
 * change goes to the audit chain and, last, to the change feed, which is what keeps every replica's cache true.
 */
@ApplicationScoped
public class MarkerService {

    private static final int MAX_EVIDENCE_CHARS = 2000;
    private static final String BASIS = "docs/rules.md A4, A5, B1";

    private final MarkerRepository markers;
    private final MarkerConfig config;
    private final Pseudonymizer pseudonymizer;
    private final AuditTrail audit;
    private final ChangeFeed feed;
    private final ObjectMapper json;

    public MarkerService(MarkerRepository markers, MarkerConfig config, Pseudonymizer pseudonymizer, AuditTrail audit,
                         ChangeFeed feed, ObjectMapper json) {
        this.markers = markers;
        this.config = config;
        this.pseudonymizer = pseudonymizer;
        this.audit = audit;
        this.feed = feed;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public MarkerView markAccount(Caller maker, AccountMarkerRequest request) {
        Marker marker = newMarker(maker, SubjectType.ACCOUNT, pseudonymizer.accountRef(request.bank(), request.accountNumber()),
                request.category(), request.level(), request.reasonCode(), request.validFrom(), request.validUntil());
        marker.evidenceRef = request.evidenceRef();
        return save(maker, marker);
    }

    /** @return the marker and whether this call made it (false: the source's message was applied before) */
    @Transactional(Transactional.TxType.MANDATORY)
    public Applied markPerson(Caller maker, String messageId, PersonMarkerRequest request) {
        var earlier = markers.bySourceMessage(maker.participant().value(), messageId);
        if (earlier.isPresent()) {
            return new Applied(MarkerView.full(earlier.get()), false);
        }
        Marker marker = newMarker(maker, SubjectType.PERSON, request.customerRef(), request.type(),
                request.level() == null ? MarkerLevel.GREY : request.level(), request.reasonCode(),
                request.observedAt(), request.validUntil());
        marker.sourceSystem = request.source();
        marker.evidenceRef = request.evidenceRef();
        marker.evidence = evidence(request.evidence());
        marker.messageId = messageId;
        return new Applied(save(maker, marker), true);
    }

    public record Applied(MarkerView marker, boolean created) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public MarkerView approve(Caller checker, UUID id) {
        Marker marker = markers.lock(id).filter(m -> m.sourceParticipant.equals(checker.participant().value()))
                .orElseThrow(() -> ProblemException.notFound("Marker " + id));
        if (marker.createdBy.equals(checker.subject())) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "Self-approval is refused: another person of the same participant must approve a BLACK marker");
        }
        MarkerView before = MarkerView.full(marker);
        marker.moveTo(MarkerState.ACTIVE, checker.subject(), Instant.now());
        return changed(checker, marker, "marker.approved", "APPROVED", before);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public MarkerView revoke(Caller caller, UUID id, RevocationRequest request) {
        Marker marker = markers.lock(id).filter(m -> mayRevoke(caller, m))
                .orElseThrow(() -> ProblemException.notFound("Marker " + id));
        MarkerView before = MarkerView.full(marker);
        marker.moveTo(MarkerState.REVOKED, caller.subject(), Instant.now());
        marker.revocationReason = request.reason();
        return changed(caller, marker, "marker.revoked", "REVOKED", before);
    }

    /** The whole marker for its source and police/regulator; anyone else gets 404, as if it did not exist. */
    @Transactional
    public MarkerView find(Caller caller, UUID id) {
        return markers.findByIdOptional(id).filter(m -> MarkerVisibility.seesEverything(caller, m.sourceParticipant))
                .map(MarkerView::full).orElseThrow(() -> ProblemException.notFound("Marker " + id));
    }

    private static boolean mayRevoke(Caller caller, Marker marker) {
        return marker.sourceParticipant.equals(caller.participant().value())
                || caller.role() == io.fraudshield.common.caller.Role.REGULATOR;
    }

    private Marker newMarker(Caller maker, SubjectType subject, String subjectRef, MarkerCategory category,
                             MarkerLevel level, String reasonCode, Instant validFrom, Instant validUntil) {
        List<String> writers = config.writers().getOrDefault(category, List.of());
        if (!writers.contains(maker.role().group())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Your role may not write " + category + " markers");
        }
        if (!category.appliesTo(subject)) {
            throw ProblemException.invalidField("category", category + " markers are not put on a " + subject.name().toLowerCase());
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant from = validFrom == null ? now : validFrom.truncatedTo(ChronoUnit.MICROS);
        Instant retainUntil = from.atOffset(ZoneOffset.UTC).plus(config.retention()).toInstant();
        Instant until = validUntil == null ? retainUntil : validUntil.truncatedTo(ChronoUnit.MICROS);
        if (!until.isAfter(from)) {
            throw ProblemException.invalidField("validUntil", "must be after validFrom");
        }
        if (until.isAfter(retainUntil)) {
            throw ProblemException.invalidField("validUntil", "must be within the retention period of " + config.retention());
        }
        Marker marker = new Marker();
        marker.id = UUID.randomUUID();
        marker.subjectType = subject;
        marker.subjectRef = subjectRef;
        marker.category = category;
        marker.level = level;
        marker.reasonCode = reasonCode;
        marker.sourceParticipant = maker.participant().value();
        marker.createdBy = maker.subject();
        marker.createdAt = now;
        marker.validFrom = from;
        marker.validUntil = until;
        marker.retainUntil = retainUntil;
        boolean needsChecker = level == MarkerLevel.BLACK && !config.checkerExempt().contains(category);
        marker.state = needsChecker ? MarkerState.PENDING_APPROVAL : MarkerState.ACTIVE;
        return marker;
    }

    private MarkerView save(Caller maker, Marker marker) {
        markers.persist(marker);
        markers.flush();
        return changed(maker, marker, "marker.created", marker.state == MarkerState.ACTIVE ? "CREATED" : "PENDING", null);
    }

    private MarkerView changed(Caller caller, Marker marker, String action, String change, MarkerView before) {
        MarkerView after = MarkerView.full(marker);
        audit.append(caller, new AuditEntry(action, BASIS, "marker", marker.id.toString(), before, after));
        markers.flush();
        feed.record(new FeedChange("MARKER", marker.id, marker.subjectType.name(), marker.subjectRef, change,
                marker.category.name(), marker.level.name(), marker.validFrom, marker.validUntil, null));
        return after;
    }

    private String evidence(Map<String, Object> evidence) {
        if (evidence == null) {
            return null;
        }
        try {
            String text = json.writeValueAsString(evidence);
            if (text.length() > MAX_EVIDENCE_CHARS) {
                throw ProblemException.invalidField("evidence", "must be at most " + MAX_EVIDENCE_CHARS + " characters of JSON");
            }
            return text;
        } catch (JsonProcessingException e) {
            throw ProblemException.invalidField("evidence", "must be a JSON object");
        }
    }
}
