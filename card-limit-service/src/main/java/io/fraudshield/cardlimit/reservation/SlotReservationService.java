package io.fraudshield.cardlimit.reservation;

import io.fraudshield.cardlimit.override.LimitOverride;
import io.fraudshield.cardlimit.override.LimitOverrideRepository;
import io.fraudshield.cardlimit.override.OverrideState;
import io.fraudshield.cardlimit.restriction.PersonRestrictions;
import io.fraudshield.cardlimit.rules.CardSlotPolicy;
import io.fraudshield.cardlimit.rules.Decision;
import io.fraudshield.cardlimit.rules.LimitSet;
import io.fraudshield.cardlimit.rules.OpeningFacts;
import io.fraudshield.cardlimit.rules.Product;
import io.fraudshield.cardlimit.rules.ProductHolding;
import io.fraudshield.cardlimit.rules.ReasonCode;
import io.fraudshield.cardlimit.rules.RestrictionStatus;
import io.fraudshield.cardlimit.rules.RuleBook;
import io.fraudshield.common.audit.AuditEntry;
import io.fraudshield.common.audit.AuditTrail;
import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.problem.ProblemException;
import io.fraudshield.common.problem.ProblemType;
import io.fraudshield.common.pseudonym.Pseudonymizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Decides openings and holds slots. The decision for a reservation is made while holding the row locks of
 * the customer (and agent) at this bank, so no interleaving of requests — from any number of replicas —
 * can hold more slots than the limit allows.
 */
@ApplicationScoped
public class SlotReservationService {

    private final CardSlotRepository slots;
    private final LimitOverrideRepository overrides;
    private final RuleBook rules;
    private final Pseudonymizer pseudonymizer;
    private final PersonRestrictions restrictions;
    private final AuditTrail audit;

    public SlotReservationService(CardSlotRepository slots, LimitOverrideRepository overrides, RuleBook rules,
                                  Pseudonymizer pseudonymizer, PersonRestrictions restrictions, AuditTrail audit) {
        this.slots = slots;
        this.overrides = overrides;
        this.rules = rules;
        this.pseudonymizer = pseudonymizer;
        this.restrictions = restrictions;
        this.audit = audit;
    }

    /** Who the opening is for: pseudonymised customer and agent, and what account-risk-service says. */
    public record Applicant(String customerRef, Optional<String> agentRef, RestrictionStatus restriction) {
    }

    /** Pseudonymises and asks account-risk-service; done before any transaction so no lock waits on the network. */
    public Applicant applicant(OpeningRequest request) {
        String customerRef = pseudonymizer.customerRef(request.customer());
        Optional<String> agentRef = Optional.ofNullable(request.agent()).map(pseudonymizer::customerRef);
        if (agentRef.filter(customerRef::equals).isPresent()) {
            throw ProblemException.invalidField("agent", "the agent must be someone other than the customer");
        }
        return new Applicant(customerRef, agentRef, restrictions.statusOf(customerRef));
    }

    /** The dry run: the same decision on the current holdings, without locks and without holding anything. */
    @Transactional
    public OpeningCheckView check(Caller caller, OpeningRequest request, Applicant applicant) {
        String bank = caller.participant().value();
        Instant now = Instant.now();
        Assessment assessment = assess(bank, request, applicant, now, false);
        return new OpeningCheckView(assessment.decision().outcome(), assessment.decision().reasons(),
                applicant.customerRef(), request.product(), HoldingView.of(assessment.holdings(), assessment.limits()));
    }

    /** Decides under the customer's lock and, on ALLOW, holds a slot until the hold TTL runs out. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ReservationView reserve(Caller caller, OpeningRequest request, Applicant applicant) {
        String bank = caller.participant().value();
        if (applicant.agentRef().isPresent()) {
            slots.lockPersons(bank, applicant.customerRef(), applicant.agentRef().get());
        } else {
            slots.lockPersons(bank, applicant.customerRef());
        }
        Instant now = Instant.now();
        Assessment assessment = assess(bank, request, applicant, now, true);
        Decision decision = assessment.decision();
        var holdings = HoldingView.of(assessment.holdings(), assessment.limits());
        if (!decision.allowed()) {
            return new ReservationView(null, null, decision.outcome(), decision.reasons(), applicant.customerRef(),
                    request.product(), request.channel(), null, holdings);
        }
        CardSlot slot = new CardSlot();
        slot.id = UUID.randomUUID();
        slot.bank = bank;
        slot.customerRef = applicant.customerRef();
        slot.product = request.product();
        slot.state = SlotState.HELD;
        slot.channel = request.channel();
        slot.agentRef = applicant.agentRef().orElse(null);
        slot.heldUntil = now.plus(rules.config().holdTtl());
        slot.source = SlotSource.OPENING;
        slot.createdBy = caller.subject();
        slot.createdAt = now;
        if (decision.reasons().contains(ReasonCode.OVERRIDE_APPLIED)) {
            LimitOverride override = assessment.override().orElseThrow();
            override.state = override.state.to(OverrideState.USED);
            override.usedBySlot = slot.id;
            slot.overrideId = override.id;
        }
        slots.persist(slot);
        audit.append(caller, new AuditEntry("slot.held", "RULES A1/A2", "card-slot", slot.id.toString(), null,
                ReservationView.of(slot)));
        return new ReservationView(slot.id, slot.state, decision.outcome(), decision.reasons(), slot.customerRef,
                slot.product, slot.channel, slot.heldUntil, holdings);
    }

    /** Gives a held slot back before it runs out; releasing twice is harmless. */
    @Transactional
    public void release(Caller caller, UUID id) {
        CardSlot slot = slots.lockOwned(id, caller.participant().value())
                .orElseThrow(() -> ProblemException.notFound("Reservation " + id));
        if (slot.state == SlotState.RELEASED) {
            return;
        }
        ReservationView before = ReservationView.of(slot);
        slot.moveTo(SlotState.RELEASED, Instant.now());
        audit.append(caller, new AuditEntry("slot.released", null, "card-slot", id.toString(), before,
                ReservationView.of(slot)));
    }

    @Transactional
    public ReservationView find(Caller caller, UUID id) {
        return slots.findOwned(id, caller.participant().value()).map(ReservationView::of)
                .orElseThrow(() -> ProblemException.notFound("Reservation " + id));
    }

    private record Assessment(Decision decision, Map<Product, ProductHolding> holdings, LimitSet limits,
                              Optional<LimitOverride> override) {
    }

    private Assessment assess(String bank, OpeningRequest request, Applicant applicant, Instant now, boolean lockOverride) {
        LimitSet limits = rules.limitsAt(bank);
        Map<Product, ProductHolding> holdings = slots.holdings(bank, applicant.customerRef(), now);
        OptionalInt agentCards = applicant.agentRef()
                .map(agent -> OptionalInt.of(slots.agentOpenCards(bank, agent, now))).orElse(OptionalInt.empty());
        Optional<LimitOverride> override = Optional.ofNullable(request.overrideId())
                .map(id -> usableOverride(id, bank, applicant.customerRef(), request.product(), lockOverride));
        Decision decision = CardSlotPolicy.decide(new OpeningFacts(request.product(), request.channel(), limits,
                holdings.get(request.product()), agentCards, applicant.restriction(), override.isPresent(),
                rules.config().whenRiskServiceUnavailable()));
        return new Assessment(decision, holdings, limits, override);
    }

    private LimitOverride usableOverride(UUID id, String bank, String customerRef, Product product, boolean lock) {
        LimitOverride override = (lock ? overrides.lockOwned(id, bank) : overrides.findOwned(id, bank))
                .orElseThrow(() -> ProblemException.notFound("Override " + id));
        if (!override.grants(bank, customerRef, product)) {
            throw new ProblemException(ProblemType.CONFLICT,
                    "Override " + id + " is not an approved, unused override for this customer and product");
        }
        return override;
    }
}
