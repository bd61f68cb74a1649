package io.fraudshield.cardlimit.override;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
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
}
