package io.fraudshield.stoppayment.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Orders, cases and what hangs off them. Rows are locked in one order: case first, then orders. */
@ApplicationScoped
public class OrderRepository {

    private final EntityManager em;

    public OrderRepository(EntityManager em) {
        this.em = em;
    }

    public void persist(Object entity) {
        em.persist(entity);
    }

    public void flush() {
        em.flush();
    }

    public Optional<StopOrder> find(UUID id) {
        return Optional.ofNullable(em.find(StopOrder.class, id));
    }

    public Optional<StopOrder> lock(UUID id) {
        return Optional.ofNullable(em.find(StopOrder.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** The case of an order, read without loading the order (so that the case can be locked first). */
    public Optional<UUID> caseIdOf(UUID orderId) {
        return em.createQuery("select caseId from StopOrder where id = ?1", UUID.class).setParameter(1, orderId)
                .getResultStream().findFirst();
    }

    public Optional<StopCase> findCase(UUID id) {
        return Optional.ofNullable(em.find(StopCase.class, id));
    }

    public Optional<StopCase> caseByNumber(String caseNumber) {
        return em.createQuery("from StopCase where caseNumber = ?1", StopCase.class).setParameter(1, caseNumber)
                .getResultStream().findFirst();
    }

    /** Opens the case if it does not exist (two first orders of one case may race), then locks it. */
    public StopCase openAndLockCase(String caseNumber, String agency, String officer, Instant at) {
        em.createNativeQuery("insert into stop_case (id, case_number, agency, officer, created_at)"
                        + " values (?1, ?2, ?3, ?4, ?5) on conflict (case_number) do nothing")
                .setParameter(1, UUID.randomUUID()).setParameter(2, caseNumber).setParameter(3, agency)
                .setParameter(4, officer).setParameter(5, at).executeUpdate();
        return em.createQuery("from StopCase where caseNumber = ?1", StopCase.class).setParameter(1, caseNumber)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getSingleResult();
    }

    public StopCase lockCase(UUID caseId) {
        return em.find(StopCase.class, caseId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Stops on one account in one case that the bank did not refuse (docs/rules.md A6: at most two). */
    public long stopsOnAccount(UUID caseId, String accountRef) {
        return em.createQuery("select count(o) from StopOrder o where o.caseId = ?1 and o.accountRef = ?2"
                        + " and o.kind = ?3 and o.state <> ?4", Long.class)
                .setParameter(1, caseId).setParameter(2, accountRef).setParameter(3, OrderKind.STOP_PAYMENT)
                .setParameter(4, OrderState.NOT_EXECUTED).getSingleResult();
    }

    public Optional<StopOrder> byTransaction(UUID caseId, String transactionId) {
        return em.createQuery("from StopOrder where caseId = ?1 and sourceTransactionId = ?2", StopOrder.class)
                .setParameter(1, caseId).setParameter(2, transactionId).getResultStream().findFirst();
    }

    public List<StandingAuthorisation> authorisations(UUID caseId) {
        return em.createQuery("from StandingAuthorisation where caseId = ?1 order by createdAt", StandingAuthorisation.class)
                .setParameter(1, caseId).getResultList();
    }

    /** Follow-ups waiting for this officer of this agency. */
    public List<StopOrder> awaitingApproval(String agency, String officer) {
        return em.createQuery("select o from StopOrder o, StopCase c where o.caseId = c.id and o.agency = ?1"
                        + " and c.officer = ?2 and o.state = ?3 order by o.createdAt, o.id", StopOrder.class)
                .setParameter(1, agency).setParameter(2, officer).setParameter(3, OrderState.PENDING_APPROVAL)
                .getResultList();
    }

    public List<StopOrder> ofCase(UUID caseId) {
        return em.createQuery("from StopOrder where caseId = ?1 order by layer, createdAt, id", StopOrder.class)
                .setParameter(1, caseId).getResultList();
    }

    public List<OnwardTransfer> transfersOfCase(UUID caseId) {
        return em.createQuery("select t from OnwardTransfer t, StopOrder o where t.orderId = o.id and o.caseId = ?1"
                + " order by t.transferredAt, t.id", OnwardTransfer.class).setParameter(1, caseId).getResultList();
    }

    /** Stops and freezes holding money whose end has come. */
    public List<UUID> endedBy(Instant now, int limit) {
        return em.createQuery("select id from StopOrder where state in ?1 and endsAt <= ?2 order by endsAt", UUID.class)
                .setParameter(1, List.of(OrderState.EXECUTED, OrderState.PARTIALLY_EXECUTED)).setParameter(2, now)
                .setMaxResults(limit).getResultList();
    }

    /** Stops and freezes holding money that end before {@code horizon}. */
    public List<UUID> endingBefore(Instant horizon, int limit) {
        return em.createQuery("select id from StopOrder where state in ?1 and endsAt <= ?2 order by endsAt", UUID.class)
                .setParameter(1, List.of(OrderState.EXECUTED, OrderState.PARTIALLY_EXECUTED)).setParameter(2, horizon)
                .setMaxResults(limit).getResultList();
    }

    /** Inbox entries after {@code after}, shown only once every older transaction has ended (see the migration). */
    public List<InboxRow> inbox(String participant, long after, int limit) {
        List<?> rows = em.createNativeQuery("select position, order_id, event_type, refund_id from inbox_entry"
                        + " where participant = ?1 and position > ?2"
                        + " and written_xid < pg_snapshot_xmin(pg_current_snapshot())"
                        + " order by position limit ?3")
                .setParameter(1, participant).setParameter(2, after).setParameter(3, limit).getResultList();
        return rows.stream().map(row -> (Object[]) row)
                .map(row -> new InboxRow(((Number) row[0]).longValue(), (UUID) row[1], (String) row[2], (UUID) row[3])).toList();
    }

    public record InboxRow(long position, UUID orderId, String eventType, UUID refundId) {
    }
}
