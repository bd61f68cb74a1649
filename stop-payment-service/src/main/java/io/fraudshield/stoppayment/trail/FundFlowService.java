package io.fraudshield.stoppayment.trail;

import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.caller.Role;
import io.fraudshield.common.problem.ProblemException;
import io.fraudshield.stoppayment.order.OrderRepository;
import io.fraudshield.stoppayment.order.StopCase;
import io.fraudshield.stoppayment.refund.RefundRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** A case's fund flow, for its agency and the regulator. */
@ApplicationScoped
public class FundFlowService {

    private final OrderRepository orders;
    private final RefundRepository refunds;

    public FundFlowService(OrderRepository orders, RefundRepository refunds) {
        this.orders = orders;
        this.refunds = refunds;
    }

    @Transactional
    public FundFlowView of(Caller caller, String caseNumber) {
        StopCase stopCase = orders.caseByNumber(caseNumber)
                .filter(c -> caller.role() == Role.REGULATOR || c.agency.equals(caller.participant().value()))
                .orElseThrow(() -> ProblemException.notFound("Case " + caseNumber));
        return FundFlow.build(stopCase.caseNumber, orders.ofCase(stopCase.id), orders.transfersOfCase(stopCase.id),
                refunds.completedByFreeze(stopCase.id));
    }
}
