package io.fraudshield.stoppayment.refund;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Who gets how much (docs/rules.md A7, pure). Traced: each victim the traced amount, never more than the loss.
 * Proportional: each victim the available money × loss ÷ all losses, rounded down to the fen and never more
 * than the loss; what rounding and caps leave stays frozen as the remainder. Never more than is available.
 */
public final class RefundAllocator {

    private RefundAllocator() {
    }

    public record Claim(BigDecimal loss, BigDecimal traced) {
    }

    public record Allocation(List<BigDecimal> amounts, BigDecimal total, BigDecimal remainder) {
    }

    /** @throws IllegalArgumentException with the reason when the claims cannot be paid as asked */
    public static Allocation allocate(RefundBasis basis, BigDecimal available, List<Claim> claims) {
        if (claims.isEmpty()) {
            throw new IllegalArgumentException("name at least one victim");
        }
        if (basis == RefundBasis.TRACED_SINGLE && claims.size() != 1) {
            throw new IllegalArgumentException("a single traced deposit goes back to one victim");
        }
        List<BigDecimal> amounts = new ArrayList<>();
        if (basis == RefundBasis.PROPORTIONAL) {
            BigDecimal losses = claims.stream().map(Claim::loss).reduce(BigDecimal.ZERO, BigDecimal::add);
            for (Claim claim : claims) {
                BigDecimal share = available.multiply(claim.loss()).divide(losses, 2, RoundingMode.DOWN);
                amounts.add(share.min(claim.loss()));
            }
        } else {
            for (Claim claim : claims) {
                if (claim.traced() == null) {
                    throw new IllegalArgumentException("a traced refund names the traced amount of each victim");
                }
                if (claim.traced().compareTo(claim.loss()) > 0) {
                    throw new IllegalArgumentException("no victim gets more than the loss");
                }
                amounts.add(claim.traced());
            }
        }
        BigDecimal total = amounts.stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        if (total.compareTo(available) > 0) {
            throw new IllegalArgumentException("never more than is frozen and not yet refunded (" + available.toPlainString() + ")");
        }
        return new Allocation(amounts, total, available.subtract(total));
    }
}
