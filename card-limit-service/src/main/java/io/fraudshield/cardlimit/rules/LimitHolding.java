package io.fraudshield.cardlimit.rules;

/** A person's slots that consume one limit at one bank: open (active or awaiting activation) and held. */
public record LimitHolding(Limit limit, int active, int inactive, int held) {

    public static LimitHolding none(Limit limit) {
        return new LimitHolding(limit, 0, 0, 0);
    }

    public int open() {
        return active + inactive;
    }

    public int used() {
        return active + inactive + held;
    }
}
