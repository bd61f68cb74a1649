package io.fraudshield.cardlimit.rules;

/** A customer's slots of one product at one bank: open (active or awaiting activation) and held. */
public record ProductHolding(Product product, int active, int inactive, int held) {

    public int open() {
        return active + inactive;
    }

    public int used() {
        return active + inactive + held;
    }
}
