package io.fraudshield.stoppayment.refund;

import java.util.List;

/** A refund instruction as the bank receives it: whom to pay how much, no fees, until its receipt. */
public record BankRefundDocument(RefundView refund, List<Payment> payments) {

    /** {@code amount} in yuan with 2 decimals, e.g. "333.33" (may be "0.00" for a tiny proportional share). */
    public record Payment(String victimRef, String amount, String accountNumber, String holderName) {

        @Override
        public String toString() {
            return "Payment[" + victimRef + "]";
        }
    }
}
