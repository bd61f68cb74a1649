package io.fraudshield.cardlimit.card;

import io.fraudshield.cardlimit.regulator.BulkOpeningSignal;
import io.fraudshield.cardlimit.reservation.CardSlot;
import io.fraudshield.cardlimit.reservation.CardSlotRepository;
import io.fraudshield.cardlimit.reservation.PersonLinks;
import io.fraudshield.cardlimit.reservation.SlotLocks;
import io.fraudshield.cardlimit.reservation.SlotState;
import io.fraudshield.cardlimit.rules.Channel;
import io.fraudshield.cardlimit.rules.Limit;
import io.fraudshield.cardlimit.rules.LimitHolding;
import io.fraudshield.cardlimit.rules.LimitSet;
import io.fraudshield.cardlimit.rules.RuleBook;
import io.fraudshield.cardlimit.time.TimeSource;
import io.fraudshield.common.audit.AuditEntry;
import io.fraudshield.common.audit.AuditTrail;
import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.caller.Role;
import io.fraudshield.common.problem.IllegalTransitionException;
import io.fraudshield.common.problem.ProblemException;
import io.fraudshield.common.problem.ProblemType;
import io.fraudshield.common.pseudonym.Pseudonymizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Turns held slots into accounts and cards, activates agent-opened cards, closes them. Every change is audited. */
@ApplicationScoped
public class CardService {

    private final CardSlotRepository slots;
    private final SlotLocks slotLocks;
    private final PersonLinks links;
    private final RuleBook rules;
    private final Pseudonymizer pseudonymizer;
    private final AuditTrail audit;
    private final BulkOpeningSignal bulkOpening;
    private final TimeSource time;

    public CardService(CardSlotRepository slots, SlotLocks slotLocks, PersonLinks links, RuleBook rules,
                       Pseudonymizer pseudonymizer, AuditTrail audit, BulkOpeningSignal bulkOpening, TimeSource time) {
        this.slots = slots;
        this.slotLocks = slotLocks;
        this.links = links;
        this.rules = rules;
        this.pseudonymizer = pseudonymizer;
        this.audit = audit;
        this.bulkOpening = bulkOpening;
        this.time = time;
    }

    /**
     * Registers the account (and the card issued on it) of a hold. Under the person's lock and then the slot's,
     * by the database's clock: a hold that has run out cannot be confirmed, whatever this replica's clock says
     * and whatever the expiry job has or has not done yet. A card number already registered at this bank under
     * any live key is a 409 duplicate.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CardView confirm(Caller caller, UUID reservationId, ConfirmationRequest request) {
        String bank = caller.participant().value();
        CardSlot slot = slotLocks.lockUnderPerson(bank, reservationId, "Reservation");
        Instant now = slots.databaseNow();
        if (slot.state == SlotState.HELD && !slot.holdLastsAt(now)) {
            throw new IllegalTransitionException("The hold ran out at " + slot.heldUntil + "; reserve again");
        }
        if (slot.cardCategory == null && request.cardNumber() != null) {
            throw ProblemException.invalidField("cardNumber", "no card was issued on this reservation");
        }
        if (slot.cardCategory != null && request.cardNumber() == null) {
            throw ProblemException.invalidField("cardNumber", "the reservation issued a card: its number is required");
        }
        CardView before = CardView.of(slot);
        boolean awaitsAgent = slot.agentRef != null && rules.config().agentRequiresCounterActivation();
        slot.moveTo(awaitsAgent ? SlotState.INACTIVE : SlotState.ACTIVE, now);
        if (request.cardNumber() != null) {
            if (slots.cardExists(bank, pseudonymizer.cardRefsUnderAllKeys(request.cardNumber()))) {
                throw new ProblemException(ProblemType.DUPLICATE, "This card number is already registered at this bank");
            }
            slot.cardRef = pseudonymizer.cardRef(request.cardNumber());
            slot.cardBin = request.cardNumber().bin();
            slot.cardLast4 = request.cardNumber().last4();
        }
        slot.confirmedAt = now;
        slots.flush();
        CardView after = CardView.of(slot);
        audit.append(caller, new AuditEntry("card.confirmed", "RULES A1/A2", "card", slot.id.toString(), before, after));
        if (!consumed(caller, slot).isEmpty()) {
            bulkOpening.afterConfirmation(caller, slot.customerRef, links.refsOf(links.lockPersonOf(slot.customerRef)));
        }
        return after;
    }

    /**
     * The agent activates, in person at the counter, a card opened on someone's behalf (docs/rules.md A1). A
     * customer who is over a limit of the card (legacy holdings, or two linked persons' union) cannot activate more.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CardView activate(Caller caller, UUID cardId, ActivationRequest request) {
        String bank = caller.participant().value();
        CardSlot slot = slotLocks.lockUnderPerson(bank, cardId, "Card");
        if (slot.state != SlotState.INACTIVE) {
            throw new IllegalTransitionException("Card", slot.state, SlotState.ACTIVE);
        }
        if (request.channel() != Channel.COUNTER) {
            throw ProblemException.invalidField("channel", "agent-opened cards are activated at the counter only");
        }
        List<String> presented = pseudonymizer.customerRefsUnderAllKeys(request.agent());
        if (!links.refsOf(links.findPersons(presented), presented).contains(slot.agentRef)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only the agent who opened this card may activate it");
        }
        Instant now = slots.databaseNow();
        List<String> personRefs = links.refsOf(links.lockPersonOf(slot.customerRef));
        boolean paymentInstitution = caller.role() == Role.PAYMENT_INSTITUTION;
        Map<Limit, LimitHolding> holdings = slots.holdings(bank, personRefs, now,
                row -> rules.consumedBy(row.accountClass(), row.cardCategory(), paymentInstitution));
        LimitSet limits = rules.limitsAt(bank);
        int extra = slot.overrideId != null ? 1 : 0;
        for (Limit limit : consumed(caller, slot)) {
            if (holdings.get(limit).used() > limits.of(limit) + extra) {
                throw new ProblemException(ProblemType.CONFLICT, "OVER_LIMIT_LEGACY: the customer holds more than "
                        + limits.of(limit) + " " + limit + " at this bank and cannot activate more");
            }
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
        CardSlot slot = slots.lockOwned(cardId, caller.participant().value())
                .orElseThrow(() -> ProblemException.notFound("Card " + cardId));
        if (slot.state == SlotState.CLOSED) {
            return CardView.of(slot);
        }
        if (slot.state != SlotState.ACTIVE && slot.state != SlotState.INACTIVE) {
            throw new IllegalTransitionException("Card", slot.state, SlotState.CLOSED);
        }
        CardView before = CardView.of(slot);
        slot.moveTo(SlotState.CLOSED, time.now());
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

    /** The calling bank's open cards and holds of one customer, over every linked document; other banks' are never shown. */
    @Transactional
    public List<CardView> holdingsAtBank(Caller caller, String customerRef) {
        List<String> refs = links.refsOf(links.findPersons(List.of(customerRef)), List.of(customerRef));
        return slots.openSlotsOf(caller.participant().value(), refs).stream().map(CardView::of).toList();
    }

    private Set<Limit> consumed(Caller caller, CardSlot slot) {
        return rules.consumedBy(slot.accountClass, slot.cardCategory, caller.role() == Role.PAYMENT_INSTITUTION);
    }
}
