package io.fraudshield.stoppayment.order;

import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.hibernate.jpa.HibernateHints;

import java.util.UUID;

/**
 * Orders as their readers see them: one read-only query for the order and its case number, outside any JTA
 * transaction (the request's session, auto-commit), its entities loaded read-only (no snapshot kept, nothing to
 * dirty-check or flush). Tenancy is {@link OrderAccess#mayRead}, as for every other use of an order.
 */
@ApplicationScoped
public class OrderReads {

    private static final String WITH_CASE_NUMBER = "select o, c.caseNumber from StopOrder o join StopCase c on c.id = o.caseId"
            + " where o.id = ?1";

    private final EntityManager em;

    public OrderReads(EntityManager em) {
        this.em = em;
    }

    public OrderView find(Caller caller, UUID id) {
        return em.createQuery(WITH_CASE_NUMBER, Tuple.class).setParameter(1, id)
                .setHint(HibernateHints.HINT_READ_ONLY, true).getResultStream().findFirst()
                .filter(found -> OrderAccess.mayRead(caller, found.get(0, StopOrder.class)))
                .map(found -> OrderView.of(found.get(0, StopOrder.class), found.get(1, String.class)))
                .orElseThrow(() -> ProblemException.notFound("Order " + id));
    }
}
