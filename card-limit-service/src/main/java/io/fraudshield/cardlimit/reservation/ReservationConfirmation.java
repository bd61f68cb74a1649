package io.fraudshield.cardlimit.reservation;

import io.fraudshield.cardlimit.regulator.BulkOpeningSignal;
import io.fraudshield.cardlimit.rules.RuleBook;
import io.fraudshield.cardlimit.slot.CardSlot;
import io.fraudshield.cardlimit.slot.CardView;
import io.fraudshield.cardlimit.slot.SlotState;
import io.fraudshield.cardlimit.slot.SlotStatements;
import io.fraudshield.common.audit.AuditEntry;
import io.fraudshield.common.audit.AuditTrail;
import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.caller.Role;
import io.fraudshield.common.idempotency.Idempotency;
import io.fraudshield.common.problem.IllegalTransitionException;
import io.fraudshield.common.problem.ProblemException;
import io.fraudshield.common.problem.ProblemType;
import io.fraudshield.common.pseudonym.Pseudonymizer;
import io.fraudshield.common.sql.LocalTransaction;
import io.fraudshield.common.sql.RoundTrip;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The end of a reservation: its hold becomes the account (and the card) it was for. */
@ApplicationScoped
public class ReservationConfirmation {

    private final RuleBook rules;
    private final Pseudonymizer pseudonymizer;
    private final AuditTrail audit;
    private final BulkOpeningSignal bulkOpening;
    private final Idempotency idempotency;
    private final LocalTransaction transaction;

    public ReservationConfirmation(RuleBook rules, Pseudonymizer pseudonymizer, AuditTrail audit,
                                   BulkOpeningSignal bulkOpening, Idempotency idempotency, LocalTransaction transaction) {
        this.idempotency = idempotency;
        this.transaction = transaction;
        this.rules = rules;
        this.pseudonymizer = pseudonymizer;
        this.audit = audit;
        this.bulkOpening = bulkOpening;
    }

    /**
     * Registers the account (and the card issued on it) of a hold. Under the person's lock and then the slot's,
     * by the database's clock: a hold that has run out cannot be confirmed, whatever this replica's clock says
     * and whatever the expiry job has or has not done yet. A card number already registered at this bank under
     * any live key is a 409 duplicate. Idempotent per caller and key ({@link Idempotency}). Two round trips on one
     * connection, without JTA or entities: the first claims the key, locks (link rows, anchor, slot, audit head),
     * reads the clock and counts the card and the person's recent openings; the second changes the slot, appends the
     * audit event, records the response and commits. A person reaching the bulk-opening threshold adds one round trip.
     */
    public RestResponse<CardView> confirm(Caller caller, String idempotencyKey, UUID reservationId, ConfirmationRequest request) {
        String bank = caller.participant().value();
        List<String> cardRefs = request.cardNumber() == null ? List.of() : pseudonymizer.cardRefsUnderAllKeys(request.cardNumber());
        Instant appNow = Instant.now();
        return transaction.run(connection -> {
            RoundTrip first = new RoundTrip();
            first.add(LocalTransaction.LOCK_TIMEOUT);
            Idempotency.Claimed claim = idempotency.claimIn(first, caller, idempotencyKey,
                    new Idempotency.Target(reservationId, request));
            int lockedSlot = SlotStatements.lockUnderPerson(first, bank, reservationId);
            int cardExists = cardRefs.isEmpty() ? -1 : SlotStatements.cardExists(first, bank, cardRefs);
            int recentOpenings = SlotStatements.confirmedSinceOtherThan(first, reservationId, bank,
                    bulkOpening.windowStart(appNow), rules.excludedCategories());
            AuditTrail.Heads heads = audit.lockHeadsIn(first, new AuditTrail.Subject("card", reservationId.toString()));
            RoundTrip.Results locked = first.run(connection);
            Optional<RestResponse<CardView>> earlier = claim.earlier(locked, CardView.class);
            if (earlier.isPresent()) {
                connection.rollback(); // a replay changes nothing: the locks and links it took go back
                return earlier.get();
            }
            heads.read(locked);
            SlotStatements.Locked lock = SlotStatements.lockedSlot(locked, lockedSlot);
            CardSlot slot = lock.slot().orElseThrow(() -> ProblemException.notFound("Reservation " + reservationId));
            Instant now = lock.now();
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
                if (!locked.rows(cardExists).isEmpty()) {
                    throw new ProblemException(ProblemType.DUPLICATE, "This card number is already registered at this bank");
                }
                slot.cardRef = pseudonymizer.cardRef(request.cardNumber());
                slot.cardBin = request.cardNumber().bin();
                slot.cardLast4 = request.cardNumber().last4();
            }
            slot.confirmedAt = now;
            RoundTrip last = new RoundTrip();
            SlotStatements.confirm(last, slot);
            CardView after = CardView.of(slot);
            audit.appendIn(last, heads, caller, new AuditEntry("card.confirmed", "RULES A1/A2", "card", slot.id.toString(),
                    before, after));
            if (!rules.consumedBy(slot.accountClass, slot.cardCategory, caller.role() == Role.PAYMENT_INSTITUTION).isEmpty()) {
                boolean counted = slot.cardCategory == null || !rules.excludedCategories().contains(slot.cardCategory);
                long recent = ((Number) locked.rows(recentOpenings).single()[0]).longValue() + (counted ? 1 : 0);
                if (bulkOpening.reached(recent)) {
                    bulkOpening.afterConfirmationIn(connection, last, heads, caller, slot.id, bank, slot.customerRef, recent, appNow);
                }
            }
            RestResponse<CardView> response = RestResponse.ResponseBuilder.ok(after)
                    .location(URI.create("/v1/cards/" + after.id())).build();
            claim.recordIn(last, response);
            last.add(LocalTransaction.COMMIT);
            last.run(connection);
            return response;
        });
    }
}
