package io.fraudshield.stoppayment.order;

/** The clear values the executing bank needs (its own customer's data), only ever stored sealed. */
public record OrderDetails(String accountNumber, String holderName) {

    @Override
    public String toString() {
        return "OrderDetails[***]";
    }
}
