package io.fraudshield.accountrisk.marker;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.hibernate.jpa.HibernateHints;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class MarkerRepository implements PanacheRepositoryBase<Marker, UUID> {

    /** For reads outside a transaction: loaded read-only, so the session keeps no snapshot to dirty-check. */
    public Optional<Marker> readOnly(UUID id) {
        return find("id", id).withHint(HibernateHints.HINT_READ_ONLY, true).firstResultOptional();
    }

    public Optional<Marker> lock(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Optional<Marker> bySourceMessage(String sourceParticipant, String messageId) {
        return find("sourceParticipant = ?1 and messageId = ?2", sourceParticipant, messageId).firstResultOptional();
    }
}
