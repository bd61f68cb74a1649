package io.fraudshield.common.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/**
 * An amount of Chinese yuan (CNY): positive, at most two decimals (fen), at most {@link #MAX}.
 * Never a {@code double}: JSON numbers are read as decimals and written as strings, e.g. {@code "1250.00"}.
 */
@Schema(type = SchemaType.STRING, pattern = "^[0-9]{1,13}(\\.[0-9]{1,2})?$",
        description = "Amount in CNY, positive, at most 2 decimals", example = "1250.00")
public final class Money implements Comparable<Money> {

    public static final String CURRENCY = "CNY";
    /** Ten trillion yuan: larger than any single order, small enough to catch unit mistakes. */
    public static final BigDecimal MAX = new BigDecimal("9999999999999.99");

    private final BigDecimal amount;

    private Money(BigDecimal amount) {
        this.amount = amount;
    }

    public static Money of(BigDecimal value) {
        if (value == null) {
            throw new InvalidAmountException("amount is missing");
        }
        if (value.signum() <= 0) {
            throw new InvalidAmountException("amount must be positive");
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > 2) {
            throw new InvalidAmountException("amount must have at most 2 decimals");
        }
        if (value.compareTo(MAX) > 0) {
            throw new InvalidAmountException("amount must not exceed " + MAX.toPlainString());
        }
        return new Money(value.setScale(2));
    }

    @JsonCreator
    public static Money of(String value) {
        if (value == null) {
            throw new InvalidAmountException("amount is missing");
        }
        try {
            return of(new BigDecimal(value.strip()));
        } catch (NumberFormatException e) {
            throw new InvalidAmountException("amount must be a decimal number such as 1250.00");
        }
    }

    public BigDecimal amount() {
        return amount;
    }

    public Money plus(Money other) {
        return of(amount.add(other.amount));
    }

    /** The difference, or empty when {@code other} is not smaller (money is never zero or negative). */
    public java.util.Optional<Money> minus(Money other) {
        BigDecimal difference = amount.subtract(other.amount);
        return difference.signum() > 0 ? java.util.Optional.of(new Money(difference)) : java.util.Optional.empty();
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(other.amount);
    }

    @JsonValue
    @Override
    public String toString() {
        return amount.toPlainString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Money that && amount.equals(that.amount);
    }

    @Override
    public int hashCode() {
        return amount.hashCode();
    }
}
