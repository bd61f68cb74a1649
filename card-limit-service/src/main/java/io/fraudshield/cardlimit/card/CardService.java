package io.fraudshield.cardlimit.card;

import io.fraudshield.cardlimit.regulator.BulkOpeningSignal;
import io.fraudshield.cardlimit.reservation.CardSlot;
import io.fraudshield.cardlimit.reservation.CardSlotRepository;
import io.fraudshield.cardlimit.reservation.SlotState;
import io.fraudshield.cardlimit.rules.Channel;
import io.fraudshield.cardlimit.rules.ProductHolding;
import io.fraudshield.cardlimit.rules.RuleBook;
import io.fraudshield.common.audit.AuditEntry;
import io.fraudshield.common.audit.AuditTrail;
import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.problem.IllegalTransitionException;
import io.fraudshield.common.problem.ProblemException;
import io.fraudshield.common.problem.ProblemType;
import io.fraudshield.common.pseudonym.Pseudonymizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Turns held slots into cards, activates agent-opened cards, closes cards. Every change is audited. */
@ApplicationScoped
public class CardService {

    private final CardSlotRepository slots;
    private final RuleBook rules;
    private final Pseudonymizer pseudonymizer;
    private final AuditTrail audit;
    private final BulkOpeningSignal bulkOpening;

    public CardService(CardSlotRepository slots, RuleBook rules, Pseudonymizer pseudonymizer, AuditTrail audit,
                       BulkOpeningSignal bulkOpening) {
        this.slots = slots;
        this.rules = rules;
        this.pseudonymizer = pseudonymizer;
        this.audit = audit;
        this.bulkOpening = bulkOpening;
    }

    /**
     * Registers the card issued on a hold. Under the slot's row lock: a hold that has run out cannot be
     * confirmed, whatever the expiry job has or has not done yet.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CardView confirm(Caller caller, UUID reservationId, ConfirmationRequest request) {
        String bank = caller.participant().value();
        CardSlot slot = owned(reservationId, bank, "Reservation");
        Instant now = Instant.now();
        if (slot.state == SlotState.HELD && !slot.holdLastsAt(now)) {
            throw new IllegalTransitionException("The hold ran out at " + slot.heldUntil + "; reserve again");
        }
        String cardRef = pseudonymizer.cardRef(request.cardNumber());
        if (slots.cardExists(bank, cardRef)) {
            throw new ProblemException(ProblemType.DUPLICATE, "This card number is already registered at this bank");
        }
        CardView before = CardView.of(slot);
        boolean awaitsAgent = slot.agentRef != null && rules.config().agentRequiresCounterActivation();
        slot.moveTo(awaitsAgent ? SlotState.INACTIVE : SlotState.ACTIVE, now);
        slot.cardRef = cardRef;
        slot.cardBin = request.cardNumber().bin();
        slot.cardLast4 = request.cardNumber().last4();
        slot.confirmedAt = now;
        slots.flush();
        CardView after = CardView.of(slot);
        audit.append(caller, new AuditEntry("card.confirmed", "RULES A1/A2", "card", slot.id.toString(), before, after));
        if (slot.product.counted()) {
            bulkOpening.afterConfirmation(caller, slot.customerRef);
        }
        return after;
    }

    /**
     * The agent activates, in person at the counter, a card opened on someone's behalf (RULES.md A1). A
     * customer who is over the limit (legacy holdings) cannot activate more.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CardView activate(Caller caller, UUID cardId, ActivationRequest request) {
        String bank = caller.participant().value();
        CardSlot peek = slots.findOwned(cardId, bank).orElseThrow(() -> ProblemException.notFound("Card " + cardId));
        slots.lockPersons(bank, peek.customerRef);
        CardSlot slot = owned(cardId, bank, "Card");
        if (slot.state != SlotState.INACTIVE) {
            throw new IllegalTransitionException("Card", slot.state, SlotState.ACTIVE);
        }
        if (request.channel() != Channel.COUNTER) {
            throw ProblemException.invalidField("channel", "agent-opened cards are activated at the counter only");
        }
        if (!pseudonymizer.customerRef(request.agent()).equals(slot.agentRef)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only the agent who opened this card may activate it");
        }
        Instant now = Instant.now();
        ProductHolding holding = slots.holdings(bank, slot.customerRef, now).get(slot.product);
        int limit = rules.limitsAt(bank).of(slot.product) + (slot.overrideId != null ? 1 : 0);
        if (holding.used() > limit) {
            throw new ProblemException(ProblemType.CONFLICT, "OVER_LIMIT_LEGACY: the customer holds more than "
                    + limit + " of " + slot.product + " at this bank and cannot activate more");
        }
        CardView before = CardView.of(slot);
        slot.moveTo(SlotState.ACTIVE, now);
        CardView after = CardView.of(slot);
        audit.append(caller, new AuditEntry("card.activated", "RULES A1", "card", slot.id.toString(), before, after));
        return after;
    }

    /** Closes a card; a closed card no longer counts toward any limit. */
    @Transactional(Transactional.TxType.MANDATORY)
    public CardView close(Caller caller, UUID cardId) {
        CardSlot slot = owned(cardId, caller.participant().value(), "Card");
        if (slot.state == SlotState.CLOSED) {
            return CardView.of(slot);
        }
        if (slot.state != SlotState.ACTIVE && slot.state != SlotState.INACTIVE) {
            throw new IllegalTransitionException("Card", slot.state, SlotState.CLOSED);
        }
        CardView before = CardView.of(slot);
        slot.moveTo(SlotState.CLOSED, Instant.now());
        CardView after = CardView.of(slot);
        audit.append(caller, new AuditEntry("card.closed", "RULES A1", "card", slot.id.toString(), before, after));
        return after;
    }

    @Transactional
    public CardView find(Caller caller, UUID cardId) {
        return slots.findOwned(cardId, caller.participant().value())
                .filter(slot -> slot.state != SlotState.HELD && slot.state != SlotState.RELEASED
                        && slot.state != SlotState.EXPIRED)
                .map(CardView::of).orElseThrow(() -> ProblemException.notFound("Card " + cardId));
    }

    /** The calling bank's open cards and holds of one customer; other banks' are never shown. */
    @Transactional
    public List<CardView> holdingsAtBank(Caller caller, String customerRef) {
        return slots.openSlotsOf(caller.participant().value(), customerRef).stream().map(CardView::of).toList();
    }

    private CardSlot owned(UUID id, String bank, String what) {
        return slots.lockOwned(id, bank).orElseThrow(() -> ProblemException.notFound(what + " " + id));
    }
}
