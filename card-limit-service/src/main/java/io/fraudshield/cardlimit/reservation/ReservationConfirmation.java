package io.fraudshield.cardlimit.reservation;

import io.fraudshield.cardlimit.regulator.BulkOpeningSignal;
import io.fraudshield.cardlimit.rules.RuleBook;
import io.fraudshield.cardlimit.slot.CardSlot;
import io.fraudshield.cardlimit.slot.CardSlotRepository;
import io.fraudshield.cardlimit.slot.CardView;
import io.fraudshield.cardlimit.slot.PersonLinks;
import io.fraudshield.cardlimit.slot.SlotLocks;
import io.fraudshield.cardlimit.slot.SlotState;
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
import java.util.UUID;

/** The end of a reservation: its hold becomes the account (and the card) it was for. */
@ApplicationScoped
public class ReservationConfirmation {

    private final CardSlotRepository slots;
    private final SlotLocks slotLocks;
    private final PersonLinks links;
    private final RuleBook rules;
    private final Pseudonymizer pseudonymizer;
    private final AuditTrail audit;
    private final BulkOpeningSignal bulkOpening;

    public ReservationConfirmation(CardSlotRepository slots, SlotLocks slotLocks, PersonLinks links, RuleBook rules,
                                   Pseudonymizer pseudonymizer, AuditTrail audit, BulkOpeningSignal bulkOpening) {
        this.slots = slots;
        this.slotLocks = slotLocks;
        this.links = links;
        this.rules = rules;
        this.pseudonymizer = pseudonymizer;
        this.audit = audit;
        this.bulkOpening = bulkOpening;
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
        if (!rules.consumedBy(slot.accountClass, slot.cardCategory, caller.role() == Role.PAYMENT_INSTITUTION).isEmpty()) {
            bulkOpening.afterConfirmation(caller, slot.customerRef, links.refsOf(links.lockPersonOf(slot.customerRef)));
        }
        return after;
    }

}
