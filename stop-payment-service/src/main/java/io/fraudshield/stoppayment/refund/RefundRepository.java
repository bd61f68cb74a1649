package io.fraudshield.stoppayment.refund;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class RefundRepository {

    private final EntityManager em;

    public RefundRepository(EntityManager em) {
        this.em = em;
    }

    public void persist(Object entity) {
        em.persist(entity);
    }

    public void flush() {
        em.flush();
    }

    public Optional<Refund> find(UUID id) {
        return Optional.ofNullable(em.find(Refund.class, id));
    }

    public Optional<Refund> lock(UUID id) {
        return Optional.ofNullable(em.find(Refund.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public List<RefundShare> shares(UUID refundId) {
        return em.createQuery("from RefundShare where refundId = ?1 order by victimRef, id", RefundShare.class)
                .setParameter(1, refundId).getResultList();
    }

    /** What refunds of this freeze already take from the frozen money (all but held ones). */
    public BigDecimal claimed(UUID freezeOrderId) {
        BigDecimal sum = em.createQuery("select sum(total) from Refund where freezeOrderId = ?1 and state <> ?2", BigDecimal.class)
                .setParameter(1, freezeOrderId).setParameter(2, RefundState.HELD).getSingleResult();
        return sum == null ? BigDecimal.ZERO.setScale(2) : sum;
    }

    /** Instructed refunds without a receipt past their due time, of one agency or (null) of all. */
    public List<Refund> overdue(java.time.Instant now, String agency) {
        return em.createQuery("from Refund where state = ?1 and dueBy < ?2 and (?3 is null or agency = ?3)"
                        + " order by dueBy, id", Refund.class)
                .setParameter(1, RefundState.INSTRUCTED).setParameter(2, now).setParameter(3, agency).getResultList();
    }

    /** Completed refunds per freeze order of a case. */
    public Map<UUID, BigDecimal> completedByFreeze(UUID caseId) {
        return em.createQuery("select freezeOrderId, sum(total) from Refund where caseId = ?1 and state = ?2"
                        + " group by freezeOrderId", Object[].class)
                .setParameter(1, caseId).setParameter(2, RefundState.COMPLETED).getResultList().stream()
                .collect(Collectors.toMap(row -> (UUID) row[0], row -> (BigDecimal) row[1]));
    }
}
