package io.fraudshield.common.money;

/** An amount that is not a positive CNY value with at most two decimals. */
public class InvalidAmountException extends IllegalArgumentException {

    public InvalidAmountException(String reason) {
        super(reason);
    }
}
