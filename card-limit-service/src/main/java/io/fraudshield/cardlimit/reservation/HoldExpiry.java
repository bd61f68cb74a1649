package io.fraudshield.cardlimit.reservation;

import io.fraudshield.common.audit.AuditEntry;
import io.fraudshield.common.audit.AuditTrail;
import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.caller.Role;
import io.fraudshield.common.identifier.ParticipantCode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Releases holds whose time ran out by the database's clock (the one all replicas share). Each hold expires in its own transaction under its row lock, so a
 * confirmation racing the job ends in exactly one outcome: confirmed, or expired.
 */
@ApplicationScoped
public class HoldExpiry {

    /** The system itself, as the audit log's actor for expiries. */
    static final Caller SYSTEM = new Caller("hold-expiry-job", Role.ADMIN, new ParticipantCode("FRAUDSHIELD"));
    private static final int BATCH = 500;

    private final CardSlotRepository slots;
    private final AuditTrail audit;

    public HoldExpiry(CardSlotRepository slots, AuditTrail audit) {
        this.slots = slots;
        this.audit = audit;
    }

    @Scheduled(every = "${cardlimit.hold-expiry-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        expireDue();
    }

    /** @return how many holds expired */
    public int expireDue() {
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> slots.expiredHolds(slots.databaseNow(), BATCH));
        int expired = 0;
        for (UUID id : due) {
            if (QuarkusTransaction.requiringNew().call(() -> expire(id))) {
                expired++;
            }
        }
        return expired;
    }

    private boolean expire(UUID id) {
        CardSlot slot = slots.findById(id, LockModeType.PESSIMISTIC_WRITE);
        Instant now = slots.databaseNow();
        if (slot == null || slot.state != SlotState.HELD || slot.holdLastsAt(now)) {
            return false;
        }
        ReservationView before = ReservationView.of(slot);
        slot.moveTo(SlotState.EXPIRED, now);
        audit.append(SYSTEM, new AuditEntry("slot.expired", "hold TTL", "card-slot", id.toString(), before,
                ReservationView.of(slot)));
        return true;
    }
}
