package io.fraudshield.stoppayment.order;

import io.fraudshield.common.caller.Caller;

/** Tenancy: a bank sees the orders addressed to it, a police agency its own, the regulator all; others 404. */
public final class OrderAccess {

    private OrderAccess() {
    }

    public static boolean mayRead(Caller caller, StopOrder order) {
        String participant = caller.participant().value();
        return switch (caller.role()) {
            case REGULATOR -> true;
            case POLICE -> order.agency.equals(participant);
            case BANK, PAYMENT_INSTITUTION -> order.target.equals(participant) && order.state.visibleToBank();
            default -> false;
        };
    }

    public static boolean mayAnswer(Caller caller, StopOrder order) {
        return (caller.role() == io.fraudshield.common.caller.Role.BANK
                || caller.role() == io.fraudshield.common.caller.Role.PAYMENT_INSTITUTION)
                && order.target.equals(caller.participant().value()) && order.state.visibleToBank();
    }
}
