package io.fraudshield.cardlimit.card;

import io.fraudshield.cardlimit.slot.CardView;

import io.fraudshield.cardlimit.slot.CardSlot;
import io.fraudshield.cardlimit.slot.CardSlotRepository;
import io.fraudshield.cardlimit.slot.PersonLinks;
import io.fraudshield.cardlimit.slot.SlotLocks;
import io.fraudshield.cardlimit.slot.SlotState;
import io.fraudshield.cardlimit.rules.Channel;
import io.fraudshield.cardlimit.rules.Limit;
import io.fraudshield.cardlimit.rules.LimitHolding;
import io.fraudshield.cardlimit.rules.LimitSet;
import io.fraudshield.cardlimit.rules.RuleBook;
import io.fraudshield.common.audit.AuditEntry;
import io.fraudshield.common.audit.AuditTrail;
import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.identifier.CardNumber;
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
import java.util.Optional;
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

    public CardService(CardSlotRepository slots, SlotLocks slotLocks, PersonLinks links, RuleBook rules,
                       Pseudonymizer pseudonymizer, AuditTrail audit) {
        this.slots = slots;
        this.slotLocks = slotLocks;
        this.links = links;
        this.rules = rules;
        this.pseudonymizer = pseudonymizer;
        this.audit = audit;
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

    /**
     * The caller's bank's card with this number, under any live key's reference; another bank's card, a hold or an
     * unknown number is not found (the answer never tells whether another bank has the card).
     */
    public Optional<UUID> cardIdOf(Caller caller, CardNumber cardNumber) {
        return slots.cardIdOf(caller.participant().value(), pseudonymizer.cardRefsUnderAllKeys(cardNumber));
    }

    /** The card with this number at the caller's bank (see {@link #cardIdOf}); 404 otherwise. */
    @Transactional
    public CardView findByNumber(Caller caller, CardNumber cardNumber) {
        return cardIdOf(caller, cardNumber).map(id -> find(caller, id))
                .orElseThrow(() -> ProblemException.notFound("Card with this number"));
    }

    /** Closes the card with this number at the caller's bank (see {@link #cardIdOf}); 404 otherwise. */
    @Transactional(Transactional.TxType.MANDATORY)
    public CardView closeByNumber(Caller caller, CardNumber cardNumber) {
        return close(caller, cardIdOf(caller, cardNumber)
                .orElseThrow(() -> ProblemException.notFound("Card with this number")));
    }

    /** Closes a card, under its person's lock; a closed card no longer counts toward any limit. */
    @Transactional(Transactional.TxType.MANDATORY)
    public CardView close(Caller caller, UUID cardId) {
        CardSlot slot = slotLocks.lockUnderPerson(caller.participant().value(), cardId, "Card");
        if (slot.state == SlotState.CLOSED) {
            return CardView.of(slot);
        }
        if (slot.state != SlotState.ACTIVE && slot.state != SlotState.INACTIVE) {
            throw new IllegalTransitionException("Card", slot.state, SlotState.CLOSED);
        }
        CardView before = CardView.of(slot);
        slot.moveTo(SlotState.CLOSED, slots.databaseNow());
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
