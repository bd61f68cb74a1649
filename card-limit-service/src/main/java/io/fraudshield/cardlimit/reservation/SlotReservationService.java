package io.fraudshield.cardlimit.reservation;

import io.fraudshield.cardlimit.slot.CardSlot;
import io.fraudshield.cardlimit.slot.CardSlotRepository;
import io.fraudshield.cardlimit.slot.PersonLinks;
import io.fraudshield.cardlimit.slot.SlotLocks;
import io.fraudshield.cardlimit.slot.SlotSource;
import io.fraudshield.cardlimit.slot.SlotState;

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
import io.fraudshield.common.problem.ProblemException;
import io.fraudshield.common.problem.ProblemType;
import io.fraudshield.common.pseudonym.Pseudonymizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

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

    public SlotReservationService(CardSlotRepository slots, PersonLinks links, LimitOverrideRepository overrides,
                                  RuleBook rules, Pseudonymizer pseudonymizer, PersonRestrictions restrictions,
                                  AuditTrail audit, TimeSource time, SlotLocks slotLocks, OverrideService overrideUse) {
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
        Assessment assessment = assess(bank, request, applicant, paymentInstitution, refs, agentRefs,
                slots.databaseNow(), false);
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
     * hold TTL runs out.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ReservationView reserve(Caller caller, OpeningRequest request, Applicant applicant) {
        String bank = caller.participant().value();
        boolean paymentInstitution = checkCaller(caller, request);
        PersonLinks.LinkedPersons persons = links.link(caller, applicant.customerRefs(), applicant.agentRefs());
        if (persons.agent().isPresent()) {
            slots.lockPersons(bank, persons.customer(), persons.agent().get());
        } else {
            slots.lockPersons(bank, persons.customer());
        }
        Instant now = slots.databaseNow();
        List<String> refs = links.refsOf(persons.customer());
        List<String> agentRefs = persons.agent().map(links::refsOf).orElse(List.of());
        Assessment assessment = assess(bank, request, applicant, paymentInstitution, refs, agentRefs, now, true);
        Decision decision = assessment.decision();
        var holdings = HoldingView.of(assessment.holdings(), assessment.limits(), paymentInstitution);
        if (!decision.allowed()) {
            return new ReservationView(null, null, decision.outcome(), decision.reasons(), applicant.customerRef(),
                    request.accountClass(), request.card(), request.channel(), null, null, holdings);
        }
        CardSlot slot = new CardSlot();
        slot.id = UUID.randomUUID();
        slot.bank = bank;
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
        if (decision.reasons().contains(ReasonCode.OVERRIDE_APPLIED)) {
            LimitOverride override = assessment.override().orElseThrow();
            overrideUse.use(caller, override, slot.id, now);
            slot.overrideId = override.id;
        }
        slots.persist(slot);
        audit.append(caller, new AuditEntry("slot.held", "RULES A1/A2", "card-slot", slot.id.toString(), null,
                ReservationView.of(slot)));
        return new ReservationView(slot.id, slot.state, decision.outcome(), decision.reasons(), slot.customerRef,
                slot.accountClass, slot.cardCategory, slot.channel, slot.heldUntil, slot.overrideId, holdings);
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

    @Transactional
    public ReservationView find(Caller caller, UUID id) {
        return slots.findOwned(id, caller.participant().value()).map(ReservationView::of)
                .orElseThrow(() -> ProblemException.notFound("Reservation " + id));
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
                              List<String> refs, List<String> agentRefs, Instant now, boolean lockOverride) {
        LimitSet limits = rules.limitsAt(bank);
        Map<Limit, LimitHolding> holdings = slots.holdings(bank, refs, now,
                row -> rules.consumedBy(row.accountClass(), row.cardCategory(), paymentInstitution));
        OptionalInt agentCards = agentRefs.isEmpty() ? OptionalInt.empty()
                : OptionalInt.of(slots.agentOpenCards(bank, agentRefs, now));
        Set<Limit> consumed = rules.consumedBy(request.accountClass(), request.card(), paymentInstitution);
        Optional<LimitOverride> override = Optional.ofNullable(request.overrideId())
                .map(id -> usableOverride(id, bank, refs, consumed, lockOverride, now));
        Decision decision = CardSlotPolicy.decide(new OpeningFacts(request.accountClass(), request.card(),
                request.channel(), rules.excludedCategories(), paymentInstitution, limits, holdings, agentCards,
                applicant.restriction(), override.map(o -> o.limitKind), rules.config().whenRiskServiceUnavailable()));
        return new Assessment(decision, holdings, limits, override);
    }

    private LimitOverride usableOverride(UUID id, String bank, Collection<String> refs, Set<Limit> consumed, boolean lock,
                                         Instant now) {
        LimitOverride override = (lock ? overrides.lockOwned(id, bank) : overrides.findOwned(id, bank))
                .orElseThrow(() -> ProblemException.notFound("Override " + id));
        if (!override.grants(bank, refs, consumed, now)) {
            throw new ProblemException(ProblemType.CONFLICT, "Override " + id
                    + " is not an approved, unused, unexpired override for this customer and a limit of this opening");
        }
        return override;
    }
}
