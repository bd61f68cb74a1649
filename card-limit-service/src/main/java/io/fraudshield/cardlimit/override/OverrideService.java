package io.fraudshield.cardlimit.override;

import io.fraudshield.cardlimit.rules.RuleBook;
import io.fraudshield.common.audit.AuditEntry;
import io.fraudshield.common.audit.AuditTrail;
import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.caller.Role;
import io.fraudshield.common.identifier.ParticipantCode;
import io.fraudshield.common.problem.ProblemException;
import io.fraudshield.common.problem.ProblemType;
import io.fraudshield.common.pseudonym.Pseudonymizer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.fraudshield.common.sql.RoundTrip;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * Maker-checker overrides (docs/rules.md A1, BOC: an authorised officer re-verifies and approves): an officer asks,
 * a supervisor of the same bank ({@code bank-supervisor}, never the requester) approves or rejects, the requester
 * may cancel, and one reservation uses it before it expires ({@code cardlimit.override-ttl}, by the database's
 * clock). Every step, the use included, is audited on the override's own chain.
 */
@ApplicationScoped
public class OverrideService {

    static final String LEGAL_BASIS = "docs/rules.md A1 (BOC override)";
    /** The system itself, as the audit log's actor for expiries. */
    static final Caller SYSTEM = new Caller("override-expiry-job", Role.ADMIN, new ParticipantCode("FRAUDSHIELD"));
    static final int MAX_PAGE = 200;
    private static final int BATCH = 500;

    private final LimitOverrideRepository overrides;
    private final Pseudonymizer pseudonymizer;
    private final RuleBook rules;
    private final AuditTrail audit;

    public OverrideService(LimitOverrideRepository overrides, Pseudonymizer pseudonymizer, RuleBook rules,
                           AuditTrail audit) {
        this.overrides = overrides;
        this.pseudonymizer = pseudonymizer;
        this.rules = rules;
        this.audit = audit;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public OverrideView request(Caller maker, OverrideRequest request) {
        Instant now = overrides.databaseNow();
        LimitOverride override = new LimitOverride();
        override.id = UUID.randomUUID();
        override.bank = maker.participant().value();
        override.customerRef = pseudonymizer.customerRef(request.customer());
        override.limitKind = request.limitKind();
        override.reason = request.reason();
        override.state = OverrideState.PENDING_APPROVAL;
        override.requestedBy = maker.subject();
        override.createdAt = now;
        override.expiresAt = now.plus(rules.config().overrideTtl());
        overrides.persist(override);
        OverrideView view = OverrideView.of(override);
        audit.append(maker, new AuditEntry("override.requested", LEGAL_BASIS, "limit-override",
                override.id.toString(), null, view));
        return view;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public OverrideView approve(Caller supervisor, UUID id) {
        return decide(supervisor, id, OverrideState.APPROVED, "override.approved");
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public OverrideView reject(Caller supervisor, UUID id) {
        return decide(supervisor, id, OverrideState.REJECTED, "override.rejected");
    }

    private OverrideView decide(Caller supervisor, UUID id, OverrideState next, String action) {
        LimitOverride override = lockLive(supervisor, id);
        if (override.requestedBy.equals(supervisor.subject())) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "Self-approval is refused: another supervisor of this bank must decide the override");
        }
        OverrideView before = OverrideView.of(override);
        Instant now = overrides.databaseNow();
        override.moveTo(next, supervisor.subject(), now);
        if (next == OverrideState.APPROVED) {
            override.approvedBy = supervisor.subject();
            override.approvedAt = now;
        }
        OverrideView after = OverrideView.of(override);
        audit.append(supervisor, new AuditEntry(action, LEGAL_BASIS, "limit-override", id.toString(), before, after));
        return after;
    }

    /** Withdrawn by whoever asked for it, while pending or approved and unused. */
    @Transactional(Transactional.TxType.MANDATORY)
    public OverrideView cancel(Caller maker, UUID id) {
        LimitOverride override = lockLive(maker, id);
        if (!override.requestedBy.equals(maker.subject())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only the officer who asked for an override cancels it");
        }
        OverrideView before = OverrideView.of(override);
        override.moveTo(OverrideState.CANCELLED, maker.subject(), overrides.databaseNow());
        OverrideView after = OverrideView.of(override);
        audit.append(maker, new AuditEntry("override.cancelled", LEGAL_BASIS, "limit-override", id.toString(), before,
                after));
        return after;
    }

    /** Locked, of the caller's bank, and not past its time by the database's clock (409 otherwise). */
    private LimitOverride lockLive(Caller caller, UUID id) {
        LimitOverride override = overrides.lockOwned(id, caller.participant().value())
                .orElseThrow(() -> ProblemException.notFound("Override " + id));
        if (OverrideState.LIVE.contains(override.state) && !override.lastsAt(overrides.databaseNow())) {
            throw new ProblemException(ProblemType.CONFLICT, "Override " + id + " expired at " + override.expiresAt);
        }
        return override;
    }

    /**
     * The reservation {@code slotId} uses the override (locked by the caller, checked by {@link LimitOverride#grants}):
     * USED, audited on the override's chain with the reservation it served.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void use(Caller caller, LimitOverride override, UUID slotId, Instant now) {
        OverrideView before = OverrideView.of(override);
        override.moveTo(OverrideState.USED, caller.subject(), now);
        override.usedBySlot = slotId;
        audit.append(caller, new AuditEntry("override.used", LEGAL_BASIS, "limit-override", override.id.toString(),
                before, OverrideView.of(override)));
    }

    /** {@link #use} for a write that makes its own round trips: the change and its audit join the committing one. */
    public void useIn(RoundTrip trip, AuditTrail.Heads heads, Caller caller, LimitOverride override, UUID slotId, Instant now) {
        OverrideView before = OverrideView.of(override);
        override.moveTo(OverrideState.USED, caller.subject(), now);
        override.usedBySlot = slotId;
        trip.add("update limit_override set state = ?, used_by_slot = ?, ended_by = ?, ended_at = ?, version = version + 1"
                + " where id = ? and version = ?", override.state.name(), slotId, override.endedBy, override.endedAt,
                override.id, override.version);
        audit.appendIn(trip, heads, caller, new AuditEntry("override.used", LEGAL_BASIS, "limit-override",
                override.id.toString(), before, OverrideView.of(override)));
    }

    @Transactional
    public OverrideView find(Caller caller, UUID id) {
        return overrides.findOwned(id, caller.participant().value()).map(OverrideView::of)
                .orElseThrow(() -> ProblemException.notFound("Override " + id));
    }

    /** Pending overrides of the caller's bank, oldest first; the cursor is the last one's "createdAt/id". */
    @Transactional
    public OverridePage pending(Caller supervisor, String after, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw ProblemException.invalidField("limit", "must be 1-" + MAX_PAGE);
        }
        Instant afterTime = Instant.EPOCH;
        UUID afterId = new UUID(0, 0);
        if (after != null) {
            String[] cursor = after.split("/", 2);
            try {
                afterTime = Instant.parse(cursor[0]);
                afterId = UUID.fromString(cursor[1]);
            } catch (DateTimeParseException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw ProblemException.invalidField("after", "not a cursor of this list");
            }
        }
        List<OverrideView> rows = overrides.pending(supervisor.participant().value(), afterTime, afterId,
                overrides.databaseNow(), limit + 1).stream().map(OverrideView::of).toList();
        if (rows.size() <= limit) {
            return new OverridePage(rows, null);
        }
        OverrideView last = rows.get(limit - 1);
        return new OverridePage(rows.subList(0, limit), last.createdAt() + "/" + last.id());
    }

    @Scheduled(every = "${cardlimit.override-expiry-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        expireDue();
    }

    /** Marks overrides past their time EXPIRED, each in its own transaction under its row lock; audited. */
    public int expireDue() {
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> overrides.due(overrides.databaseNow(), BATCH));
        int expired = 0;
        for (UUID id : due) {
            if (QuarkusTransaction.requiringNew().call(() -> expire(id))) {
                expired++;
            }
        }
        return expired;
    }

    private boolean expire(UUID id) {
        LimitOverride override = overrides.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        Instant now = overrides.databaseNow();
        if (override == null || !OverrideState.LIVE.contains(override.state) || override.lastsAt(now)) {
            return false;
        }
        OverrideView before = OverrideView.of(override);
        override.moveTo(OverrideState.EXPIRED, SYSTEM.subject(), now);
        audit.append(SYSTEM, new AuditEntry("override.expired", "cardlimit.override-ttl", "limit-override",
                id.toString(), before, OverrideView.of(override)));
        return true;
    }
}
