package io.fraudshield.stoppayment.participant;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ParticipantRepository implements PanacheRepositoryBase<Participant, String> {

    private final EntityManager em;

    public ParticipantRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<Participant> lock(String code) {
        return findByIdOptional(code, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<BinRange> binRanges(String code) {
        return em.createQuery("from BinRange where participant = ?1 order by binFrom", BinRange.class)
                .setParameter(1, code).getResultList();
    }

    public void replaceBinRanges(String code, List<BinRange> ranges) {
        em.createQuery("delete from BinRange where participant = ?1").setParameter(1, code).executeUpdate();
        ranges.forEach(em::persist);
    }

    /** The narrowest range holding this BIN wins, so a bank's sub-range can sit inside a processor's range. */
    public Optional<String> ownerOfBin(String bin) {
        return em.createQuery("select participant from BinRange where binFrom <= ?1 and binTo >= ?1"
                        + " order by (cast(binTo as long) - cast(binFrom as long))", String.class)
                .setParameter(1, bin).setMaxResults(1).getResultStream().findFirst();
    }

    /** Active secrets, oldest first. */
    public List<SigningSecret> activeSecrets(String code) {
        return em.createQuery("from SigningSecret where participant = ?1 and retiredAt is null order by createdAt, id",
                SigningSecret.class).setParameter(1, code).getResultList();
    }

    public void persistSecret(SigningSecret secret) {
        em.persist(secret);
    }

    public Optional<SigningSecret> secret(String code, java.util.UUID id) {
        return Optional.ofNullable(em.find(SigningSecret.class, id)).filter(s -> s.participant.equals(code));
    }
}
