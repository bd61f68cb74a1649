package io.fraudshield.common.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * An amount of Chinese yuan (CNY): positive, at most two decimals (fen), at most {@link #MAX}.
 * Never a {@code double}: JSON numbers are read as decimals and written as strings, e.g. {@code "1250.00"}.
 */
@Schema(type = SchemaType.STRING, pattern = "^(0|[1-9][0-9]{0,12})(\\.[0-9]{1,2})?$",
        description = "Amount in CNY, positive, at most 2 decimals", example = "1250.00")
public final class Money implements Comparable<Money> {

    public static final String CURRENCY = "CNY";
    /** Ten trillion yuan: larger than any single order, small enough to catch unit mistakes. */
    public static final BigDecimal MAX = new BigDecimal("9999999999999.99");

    private final BigDecimal amount;

    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
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
        if (value.compareTo(MAX) > 0) {
            throw new InvalidAmountException("amount must not exceed " + MAX.toPlainString());
        }
        if (value.scale() > 2 && value.stripTrailingZeros().scale() > 2) {
            throw new InvalidAmountException("amount must have at most 2 decimals");
        }
        return new Money(value.setScale(2));
    }

    /**
     * The only way an amount enters through JSON: a string of 1-13 digits with at most 2 decimals, exactly
     * as the contract publishes it (no sign, exponent, spaces or leading zeros beyond one), checked before
     * any arithmetic so no input can make the parser work hard.
     */
    @JsonCreator
    public static Money of(String value) {
        if (value == null) {
            throw new InvalidAmountException("amount is missing");
        }
        if (!WIRE_FORM.matcher(value).matches()) {
            throw new InvalidAmountException("amount must be a decimal number such as 1250.00 (at most 13 digits and 2 decimals)");
        }
        return of(new BigDecimal(value));
    }

    private static final Pattern WIRE_FORM = Pattern.compile("(0|[1-9][0-9]{0,12})(\\.[0-9]{1,2})?");

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
