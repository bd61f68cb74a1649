package io.fraudshield.cardlimit.override;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.fraudshield.cardlimit.rules.Limit;
import io.fraudshield.common.sql.RoundTrip;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class LimitOverrideRepository implements PanacheRepositoryBase<LimitOverride, UUID> {

    /** An override of this bank, locked for update; another bank's is not found. */
    public Optional<LimitOverride> lockOwned(UUID id, String bank) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).filter(o -> o.bank.equals(bank));
    }

    public Optional<LimitOverride> findOwned(UUID id, String bank) {
        return findByIdOptional(id).filter(o -> o.bank.equals(bank));
    }

    /** The database's clock: whether an override still lasts is the same answer on every replica. */
    public Instant databaseNow() {
        Object now = getEntityManager().createNativeQuery("select clock_timestamp()").getSingleResult();
        return now instanceof java.time.OffsetDateTime odt ? odt.toInstant()
                : now instanceof java.sql.Timestamp ts ? ts.toInstant() : (Instant) now;
    }

    /** Pending overrides of the bank that still last at {@code now}, after the cursor, oldest first. */
    public List<LimitOverride> pending(String bank, Instant afterTime, UUID afterId, Instant now, int limit) {
        return getEntityManager().createQuery("from LimitOverride o where o.bank = ?1 and o.state = ?2"
                        + " and o.expiresAt > ?3 and (o.createdAt > ?4 or (o.createdAt = ?4 and o.id > ?5))"
                        + " order by o.createdAt, o.id", LimitOverride.class)
                .setParameter(1, bank).setParameter(2, OverrideState.PENDING_APPROVAL).setParameter(3, now)
                .setParameter(4, afterTime).setParameter(5, afterId).setMaxResults(limit).getResultList();
    }

    /** Live overrides past their time, at most {@code limit}. */
    public List<UUID> due(Instant now, int limit) {
        return getEntityManager().createQuery("select o.id from LimitOverride o where o.state in ?1 and o.expiresAt <= ?2"
                        + " order by o.expiresAt", UUID.class)
                .setParameter(1, OverrideState.LIVE).setParameter(2, now).setMaxResults(limit).getResultList();
    }

    /**
     * {@link #lockOwned} in a caller's round trip (plain JDBC); {@link #lockedOwned} reads the answer: another bank's
     * override is not found.
     */
    /** Locks the override only if it is this bank's: another bank's id locks nothing (and reads as not found). */
    public static int lockOwnedIn(RoundTrip trip, UUID id, String bank) {
        return trip.add("select id, bank, customer_ref, limit_kind, reason, state, requested_by, approved_by, used_by_slot,"
                + " created_at, approved_at, expires_at, ended_by, ended_at, version from limit_override where id = ? and bank = ? for update", id, bank);
    }

    public static Optional<LimitOverride> lockedOwned(RoundTrip.Results results, int statement, String bank) {
        RoundTrip.Rows rows = results.rows(statement);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.single();
        LimitOverride o = new LimitOverride();
        o.id = (UUID) row[0];
        o.bank = (String) row[1];
        o.customerRef = (String) row[2];
        o.limitKind = row[3] == null ? null : Limit.valueOf((String) row[3]);
        o.reason = (String) row[4];
        o.state = OverrideState.valueOf((String) row[5]);
        o.requestedBy = (String) row[6];
        o.approvedBy = (String) row[7];
        o.usedBySlot = (UUID) row[8];
        o.createdAt = RoundTrip.Rows.instant(row[9]);
        o.approvedAt = RoundTrip.Rows.instant(row[10]);
        o.expiresAt = RoundTrip.Rows.instant(row[11]);
        o.endedBy = (String) row[12];
        o.endedAt = RoundTrip.Rows.instant(row[13]);
        o.version = ((Number) row[14]).longValue();
        return o.bank.equals(bank) ? Optional.of(o) : Optional.empty();
    }
}
