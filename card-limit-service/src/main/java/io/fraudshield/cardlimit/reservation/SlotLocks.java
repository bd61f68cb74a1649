package io.fraudshield.cardlimit.reservation;

import io.fraudshield.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * Locks an existing slot the way a reservation locks its person: the person's link row, then the person's
 * anchor at the bank, then the slot row. So a confirmation, activation or release and a racing reservation
 * of the same person are decided one after the other, by the same lock and the same (database) clock.
 */
@ApplicationScoped
public class SlotLocks {

    private final CardSlotRepository slots;
    private final PersonLinks links;

    public SlotLocks(CardSlotRepository slots, PersonLinks links) {
        this.slots = slots;
        this.links = links;
    }

    /** A slot of this bank, locked after its person; another bank's slot is not found. */
    @Transactional(Transactional.TxType.MANDATORY)
    public CardSlot lockUnderPerson(String bank, UUID id, String what) {
        String customerRef = slots.customerRefOf(id, bank).orElseThrow(() -> ProblemException.notFound(what + " " + id));
        slots.lockPersons(bank, links.lockPersonOf(customerRef));
        return slots.lockOwned(id, bank).orElseThrow(() -> ProblemException.notFound(what + " " + id));
    }
}
