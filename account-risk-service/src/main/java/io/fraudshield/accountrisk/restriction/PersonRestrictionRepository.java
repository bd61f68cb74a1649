package io.fraudshield.accountrisk.restriction;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.jpa.HibernateHints;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PersonRestrictionRepository implements PanacheRepositoryBase<PersonRestriction, UUID> {

    /** Serialises listings of one person across replicas until the transaction ends. */
    public void lockPerson(String customerRef) {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))").setParameter(1, customerRef)
                .getSingleResult();
    }

    public Optional<PersonRestriction> current(String customerRef) {
        return find("customerRef = ?1 and state = ?2", customerRef, RestrictionState.IN_FORCE).firstResultOptional();
    }

    /** {@link #current} for reads outside a transaction: loaded read-only, no snapshot to dirty-check. */
    public Optional<PersonRestriction> currentReadOnly(String customerRef) {
        return find("customerRef = ?1 and state = ?2", customerRef, RestrictionState.IN_FORCE)
                .withHint(HibernateHints.HINT_READ_ONLY, true).firstResultOptional();
    }

    /** For reads outside a transaction: loaded read-only, no snapshot to dirty-check. */
    public Optional<PersonRestriction> readOnly(UUID id) {
        return find("id", id).withHint(HibernateHints.HINT_READ_ONLY, true).firstResultOptional();
    }

    public List<PersonRestriction> of(String customerRef) {
        return list("customerRef = ?1 order by createdAt", customerRef);
    }
}
