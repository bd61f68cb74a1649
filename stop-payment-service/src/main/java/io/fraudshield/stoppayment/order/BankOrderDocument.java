package io.fraudshield.stoppayment.order;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An order as its bank receives it (inbox and webhook): the view plus, until the bank has answered, the clear
 * account number and holder name it must match — its own customer's data, sent to it alone.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BankOrderDocument(OrderView order, String accountNumber, String holderName) {

    @Override
    public String toString() {
        return "BankOrderDocument[" + order.id() + "]";
    }
}
