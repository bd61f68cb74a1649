package io.fraudshield.cardlimit.override;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

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
}
