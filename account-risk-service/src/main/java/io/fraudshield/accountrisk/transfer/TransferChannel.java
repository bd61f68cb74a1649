package io.fraudshield.accountrisk.transfer;

/** Where the payer starts the transfer; everything but COUNTER is non-counter business (docs/rules.md A5). */
public enum TransferChannel {
    COUNTER, ATM, ONLINE_BANKING, MOBILE_APP, PAYMENT_PLATFORM;

    public boolean nonCounter() {
        return this != COUNTER;
    }
}
