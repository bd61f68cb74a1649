package io.fraudshield.cardlimit.reservation;

import io.fraudshield.cardlimit.slot.CardSlot;
import io.fraudshield.cardlimit.slot.CardSlotRepository;
import io.fraudshield.cardlimit.slot.PersonLinks;
import io.fraudshield.cardlimit.slot.SlotLocks;
import io.fraudshield.cardlimit.slot.SlotSource;
import io.fraudshield.cardlimit.slot.SlotState;
import io.fraudshield.cardlimit.slot.SlotStatements;

import io.fraudshield.cardlimit.override.LimitOverride;
import io.fraudshield.cardlimit.override.LimitOverrideRepository;
import io.fraudshield.cardlimit.override.OverrideService;
import io.fraudshield.cardlimit.restriction.PersonRestrictions;
import io.fraudshield.cardlimit.rules.AccountClass;
import io.fraudshield.cardlimit.rules.CardSlotPolicy;
import io.fraudshield.cardlimit.rules.Decision;
import io.fraudshield.cardlimit.rules.Limit;
import io.fraudshield.cardlimit.rules.LimitHolding;
import io.fraudshield.cardlimit.rules.LimitSet;
import io.fraudshield.cardlimit.rules.OpeningFacts;
import io.fraudshield.cardlimit.rules.ReasonCode;
import io.fraudshield.cardlimit.rules.RestrictionStatus;
import io.fraudshield.cardlimit.rules.RuleBook;
import io.fraudshield.cardlimit.time.TimeSource;
import io.fraudshield.common.audit.AuditEntry;
import io.fraudshield.common.audit.AuditTrail;
import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.caller.Role;
import io.fraudshield.common.idempotency.Idempotency;
import io.fraudshield.common.problem.ProblemException;
import io.fraudshield.common.problem.ProblemType;
import io.fraudshield.common.pseudonym.Pseudonymizer;
import io.fraudshield.common.sql.LocalTransaction;
import io.fraudshield.common.sql.RoundTrip;
import io.fraudshield.common.metrics.BusinessMetrics;
import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Decides openings and holds slots. The decision for a reservation is made while holding the locks of the
 * customer's person (and the agent's) at this bank, by the database's clock, so no interleaving of requests —
 * from any number of replicas, whatever their clocks say — can hold more slots than the limit allows.
 */
@ApplicationScoped
public class SlotReservationService {

    private final CardSlotRepository slots;
    private final PersonLinks links;
    private final LimitOverrideRepository overrides;
    private final RuleBook rules;
    private final Pseudonymizer pseudonymizer;
    private final PersonRestrictions restrictions;
    private final AuditTrail audit;
    private final TimeSource time;
    private final SlotLocks slotLocks;
    private final OverrideService overrideUse;
    private final Idempotency idempotency;
    private final LocalTransaction transaction;
    @Inject
    BusinessMetrics metrics;

    public SlotReservationService(CardSlotRepository slots, PersonLinks links, LimitOverrideRepository overrides,
                                  RuleBook rules, Pseudonymizer pseudonymizer, PersonRestrictions restrictions,
                                  AuditTrail audit, TimeSource time, SlotLocks slotLocks, OverrideService overrideUse,
                                  Idempotency idempotency, LocalTransaction transaction) {
        this.idempotency = idempotency;
        this.transaction = transaction;
        this.slots = slots;
        this.links = links;
        this.overrides = overrides;
        this.rules = rules;
        this.pseudonymizer = pseudonymizer;
        this.restrictions = restrictions;
        this.audit = audit;
        this.time = time;
        this.slotLocks = slotLocks;
        this.overrideUse = overrideUse;
    }

    /**
     * Who the opening is for: the customer's reference (primary document, active key), every reference of
     * every document under every live key, the agent's likewise, and what account-risk-service says.
     */
    public record Applicant(String customerRef, List<String> customerRefs, Optional<String> agentRef,
                            List<String> agentRefs, RestrictionStatus restriction) {
    }

    /** Pseudonymises and asks account-risk-service; done before any transaction so no lock waits on the network. */
    public Applicant applicant(OpeningRequest request) {
        if (request.card() != null && !request.accountClass().mayHaveCard()) {
            throw ProblemException.invalidField("card", "a Class III account has no card");
        }
        String customerRef = pseudonymizer.customerRef(request.customer());
        List<String> customerRefs = request.documents().stream()
                .flatMap(document -> pseudonymizer.customerRefsUnderAllKeys(document).stream()).distinct().sorted().toList();
        Optional<String> agentRef = Optional.ofNullable(request.agent()).map(pseudonymizer::customerRef);
        List<String> agentRefs = Optional.ofNullable(request.agent())
                .map(pseudonymizer::customerRefsUnderAllKeys).orElse(List.of());
        if (agentRefs.stream().anyMatch(customerRefs::contains)) {
            throw ProblemException.invalidField("agent", "the agent must be someone other than the customer");
        }
        return new Applicant(customerRef, customerRefs, agentRef, agentRefs, restrictions.statusOf(customerRefs));
    }

    /**
     * The dry run: the same decision on the current holdings of the persons the documents belong to, without
     * linking, locking or holding anything.
     */
    @Transactional
    public OpeningCheckView check(Caller caller, OpeningRequest request, Applicant applicant) {
        String bank = caller.participant().value();
        boolean paymentInstitution = checkCaller(caller, request);
        List<String> refs = links.refsOf(links.findPersons(applicant.customerRefs()), applicant.customerRefs());
        List<String> agentRefs = applicant.agentRefs().isEmpty() ? List.of()
                : links.refsOf(links.findPersons(applicant.agentRefs()), applicant.agentRefs());
        Assessment assessment = assessUnlocked(bank, request, applicant, paymentInstitution, refs, agentRefs,
                slots.databaseNow());
        // who asked about whom, and what they learnt: a check is a look-up of a person (docs/rules.md A5)
        audit.append(caller, new AuditEntry("opening.checked", "docs/rules.md A1, A2, A5", "opening-check",
                applicant.customerRef(), null, Map.of("decision", assessment.decision().outcome().name(),
                "reasons", assessment.decision().reasons().stream().map(Enum::name).toList(),
                "accountClass", request.accountClass().name())));
        return new OpeningCheckView(assessment.decision().outcome(), assessment.decision().reasons(),
                applicant.customerRef(), request.accountClass(), request.card(),
                HoldingView.of(assessment.holdings(), assessment.limits(), paymentInstitution));
    }

    /**
     * Links the documents to one person, locks the person (and the agent) at this bank, decides by the
     * database's clock and, on ALLOW, holds one slot — every limit of the opening, or none — until the
     * hold TTL runs out. Idempotent per caller and key ({@link Idempotency}). Two round trips on one connection,
     * without JTA or entities: the first claims the key, locks (link rows, anchors, the override, the audit heads)
     * and counts by the database's clock; the second holds the slot, uses the override, appends the audit events,
     * records the response and commits. A merge of persons adds one round trip (its audit chain's head).
     */
    public RestResponse<ReservationView> reserve(Caller caller, String idempotencyKey, OpeningRequest request,
                                                 Applicant applicant) {
        String bank = caller.participant().value();
        boolean paymentInstitution = checkCaller(caller, request);
        UUID slotId = UUID.randomUUID();
        return transaction.run(connection -> {
            RoundTrip first = new RoundTrip();
            first.add(LocalTransaction.LOCK_TIMEOUT);
            Idempotency.Claimed claim = idempotency.claimIn(first, caller, idempotencyKey, request);
            PersonLinks.Linking linking = links.linkIn(first, applicant.customerRefs(), applicant.agentRefs());
            SlotStatements.lockAnchors(first, bank, concat(applicant.customerRefs(), applicant.agentRefs()));
            int counted = SlotStatements.holdings(first, bank, applicant.customerRefs(), applicant.agentRefs());
            int overrideRow = request.overrideId() == null ? -1 : LimitOverrideRepository.lockOwnedIn(first, request.overrideId(), bank);
            AuditTrail.Heads heads = audit.lockHeadsIn(first, Stream.concat(
                    Stream.of(new AuditTrail.Subject("card-slot", slotId.toString())),
                    Stream.ofNullable(request.overrideId()).map(id -> new AuditTrail.Subject("limit-override", id.toString())))
                    .toArray(AuditTrail.Subject[]::new));
            RoundTrip.Results locked = first.run(connection);
            Optional<RestResponse<ReservationView>> earlier = claim.earlier(locked, ReservationView.class);
            if (earlier.isPresent()) {
                connection.rollback(); // a replay changes nothing: the locks and links it took go back
                return earlier.get();
            }
            heads.read(locked);
            RoundTrip last = new RoundTrip();
            PersonLinks.LinkedPersons persons = linking.settle(locked, caller, last, subjects -> {
                try {
                    // into the reservation's own heads: a merged person's chain may be the slot's
                    RoundTrip lockPersonChain = new RoundTrip();
                    audit.lockMoreHeadsIn(lockPersonChain, heads, subjects);
                    heads.read(lockPersonChain.run(connection));
                    return heads;
                } catch (SQLException e) {
                    throw new IllegalStateException("audit head lock failed", e);
                }
            });
            SlotStatements.Holdings counts = SlotStatements.holdings(locked, counted, persons.agent().isPresent());
            Instant now = counts.now();
            List<String> refs = linking.customerRefs();
            Optional<LimitOverride> lockedOverride = overrideRow < 0 ? Optional.empty()
                    : Optional.of(LimitOverrideRepository.lockedOwned(locked, overrideRow, bank)
                    .orElseThrow(() -> ProblemException.notFound("Override " + request.overrideId())));
            Assessment assessment = assess(bank, request, applicant, paymentInstitution, refs,
                    slots.holdings(counts.counts(), row -> rules.consumedBy(row.accountClass(), row.cardCategory(), paymentInstitution)),
                    counts.agentCards(), lockedOverride.map(o -> grantedOverride(o, bank, refs, request, paymentInstitution, now)),
                    "opening-reservation");
            Decision decision = assessment.decision();
            var holdings = HoldingView.of(assessment.holdings(), assessment.limits(), paymentInstitution);
            RestResponse<ReservationView> response;
            if (!decision.allowed()) {
                response = RestResponse.ok(new ReservationView(null, null, decision.outcome(), decision.reasons(),
                        applicant.customerRef(), request.accountClass(), request.card(), request.channel(), null, null, holdings));
            } else {
                CardSlot slot = heldSlot(slotId, caller, request, applicant, now);
                if (decision.reasons().contains(ReasonCode.OVERRIDE_APPLIED)) {
                    LimitOverride override = assessment.override().orElseThrow();
                    overrideUse.useIn(last, heads, caller, override, slot.id, now);
                    slot.overrideId = override.id;
                }
                SlotStatements.insertHeld(last, slot);
                audit.appendIn(last, heads, caller, new AuditEntry("slot.held", "RULES A1/A2", "card-slot", slot.id.toString(),
                        null, ReservationView.of(slot)));
                response = RestResponse.ResponseBuilder.<ReservationView>created(URI.create("/v1/slot-reservations/" + slot.id))
                        .entity(new ReservationView(slot.id, slot.state, decision.outcome(), decision.reasons(), slot.customerRef,
                                slot.accountClass, slot.cardCategory, slot.channel, slot.heldUntil, slot.overrideId, holdings))
                        .build();
            }
            claim.recordIn(last, response);
            last.add(LocalTransaction.COMMIT);
            last.run(connection);
            return response;
        });
    }

    private CardSlot heldSlot(UUID id, Caller caller, OpeningRequest request, Applicant applicant, Instant now) {
        CardSlot slot = new CardSlot();
        slot.id = id;
        slot.bank = caller.participant().value();
        slot.customerRef = applicant.customerRef();
        slot.accountClass = request.accountClass();
        slot.cardCategory = request.card();
        slot.state = SlotState.HELD;
        slot.channel = request.channel();
        slot.agentRef = applicant.agentRef().orElse(null);
        slot.heldUntil = now.plus(rules.config().holdTtl());
        slot.source = SlotSource.OPENING;
        slot.createdBy = caller.subject();
        slot.createdAt = time.now();
        return slot;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    /** Gives a held slot back before it runs out; releasing twice is harmless. Under the person's lock. */
    @Transactional
    public void release(Caller caller, UUID id) {
        CardSlot slot = slotLocks.lockUnderPerson(caller.participant().value(), id, "Reservation");
        if (slot.state == SlotState.RELEASED) {
            return;
        }
        ReservationView before = ReservationView.of(slot);
        slot.moveTo(SlotState.RELEASED, slots.databaseNow());
        audit.append(caller, new AuditEntry("slot.released", null, "card-slot", id.toString(), before,
                ReservationView.of(slot)));
    }

    /** Payment institutions open Class III payment accounts without a card, nothing else (docs/rules.md A2). */
    private static boolean checkCaller(Caller caller, OpeningRequest request) {
        boolean paymentInstitution = caller.role() == Role.PAYMENT_INSTITUTION;
        if (paymentInstitution && request.accountClass() != AccountClass.CLASS_III) {
            throw ProblemException.invalidField("accountClass", "a payment institution opens Class III payment accounts only");
        }
        return paymentInstitution;
    }

    private record Assessment(Decision decision, Map<Limit, LimitHolding> holdings, LimitSet limits,
                              Optional<LimitOverride> override) {
    }

    private Assessment assess(String bank, OpeningRequest request, Applicant applicant, boolean paymentInstitution,
                              List<String> refs, Map<Limit, LimitHolding> holdings, OptionalInt agentCards,
                              Optional<LimitOverride> override, String operation) {
        LimitSet limits = rules.limitsAt(bank);
        Decision decision = CardSlotPolicy.decide(new OpeningFacts(request.accountClass(), request.card(),
                request.channel(), rules.excludedCategories(), paymentInstitution, limits, holdings, agentCards,
                applicant.restriction(), override.map(o -> o.limitKind), rules.config().whenRiskServiceUnavailable()));
        metrics.decision(operation, decision.outcome(), decision.reasons());
        return new Assessment(decision, holdings, limits, override);
    }

    /** The dry run's assessment: the same decision on holdings read without locks. */
    private Assessment assessUnlocked(String bank, OpeningRequest request, Applicant applicant, boolean paymentInstitution,
                                      List<String> refs, List<String> agentRefs, Instant now) {
        Map<Limit, LimitHolding> holdings = slots.holdings(bank, refs, now,
                row -> rules.consumedBy(row.accountClass(), row.cardCategory(), paymentInstitution));
        OptionalInt agentCards = agentRefs.isEmpty() ? OptionalInt.empty()
                : OptionalInt.of(slots.agentOpenCards(bank, agentRefs, now));
        Optional<LimitOverride> override = Optional.ofNullable(request.overrideId())
                .map(id -> usableOverride(id, bank, refs, consumed(request, paymentInstitution), now));
        return assess(bank, request, applicant, paymentInstitution, refs, holdings, agentCards, override, "opening-check");
    }

    private Set<Limit> consumed(OpeningRequest request, boolean paymentInstitution) {
        return rules.consumedBy(request.accountClass(), request.card(), paymentInstitution);
    }

    /** The locked override, if it is an approved, unused, unexpired one for this person and a limit of the opening. */
    private LimitOverride grantedOverride(LimitOverride override, String bank, Collection<String> refs, OpeningRequest request,
                                          boolean paymentInstitution, Instant now) {
        if (!override.grants(bank, refs, consumed(request, paymentInstitution), now)) {
            throw notGranted(override.id);
        }
        return override;
    }

    private static ProblemException notGranted(UUID id) {
        return new ProblemException(ProblemType.CONFLICT, "Override " + id
                + " is not an approved, unused, unexpired override for this customer and a limit of this opening");
    }

    private LimitOverride usableOverride(UUID id, String bank, Collection<String> refs, Set<Limit> consumed, Instant now) {
        LimitOverride override = overrides.findOwned(id, bank).orElseThrow(() -> ProblemException.notFound("Override " + id));
        if (!override.grants(bank, refs, consumed, now)) {
            throw notGranted(id);
        }
        return override;
    }
}
