package io.fraudshield.accountrisk.appeal;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.hibernate.jpa.HibernateHints;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AppealRepository implements PanacheRepositoryBase<Appeal, UUID> {

    /** For reads outside a transaction: loaded read-only, so the session keeps no snapshot to dirty-check. */
    public Optional<Appeal> readOnly(UUID id) {
        return find("id", id).withHint(HibernateHints.HINT_READ_ONLY, true).firstResultOptional();
    }

    public Optional<Appeal> lock(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
