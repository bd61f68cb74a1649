package io.fraudshield.stoppayment.refund;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RefundAllocatorTest {

    private static RefundAllocator.Claim loss(String loss) {
        return new RefundAllocator.Claim(new BigDecimal(loss), null);
    }

    @Test
    void proportionalSharesRoundDownToTheFenAndKeepTheRemainderFrozen() {
        RefundAllocator.Allocation a = RefundAllocator.allocate(RefundBasis.PROPORTIONAL, new BigDecimal("100.00"),
                List.of(loss("1000.00"), loss("1000.00"), loss("1000.00")));
        assertEquals(List.of(new BigDecimal("33.33"), new BigDecimal("33.33"), new BigDecimal("33.33")), a.amounts());
        assertEquals(new BigDecimal("99.99"), a.total());
        assertEquals(new BigDecimal("0.01"), a.remainder());
    }

    @Test
    void noVictimGetsMoreThanTheLossEvenWhenMoreIsFrozen() {
        RefundAllocator.Allocation a = RefundAllocator.allocate(RefundBasis.PROPORTIONAL, new BigDecimal("5000.00"),
                List.of(loss("300.00"), loss("100.00")));
        assertEquals(List.of(new BigDecimal("300.00"), new BigDecimal("100.00")), a.amounts());
        assertEquals(new BigDecimal("4600.00"), a.remainder());
    }

    @Test
    void tracedRefundsPayTheTracedAmountsButNeverMoreThanIsFrozenOrLost() {
        RefundAllocator.Allocation a = RefundAllocator.allocate(RefundBasis.TRACED_BY_TIME, new BigDecimal("900.00"),
                List.of(new RefundAllocator.Claim(new BigDecimal("500.00"), new BigDecimal("400.00")),
                        new RefundAllocator.Claim(new BigDecimal("800.00"), new BigDecimal("500.00"))));
        assertEquals(new BigDecimal("900.00"), a.total());
        assertEquals(new BigDecimal("0.00"), a.remainder());
        assertThrows(IllegalArgumentException.class, () -> RefundAllocator.allocate(RefundBasis.TRACED_BY_TIME,
                new BigDecimal("899.99"), List.of(new RefundAllocator.Claim(new BigDecimal("900.00"), new BigDecimal("900.00")))));
        assertThrows(IllegalArgumentException.class, () -> RefundAllocator.allocate(RefundBasis.TRACED_SINGLE,
                new BigDecimal("900.00"), List.of(new RefundAllocator.Claim(new BigDecimal("100.00"), new BigDecimal("100.01")))));
        assertThrows(IllegalArgumentException.class, () -> RefundAllocator.allocate(RefundBasis.TRACED_SINGLE,
                new BigDecimal("900.00"), List.of(loss("1.00"), loss("1.00"))));
        assertThrows(IllegalArgumentException.class, () -> RefundAllocator.allocate(RefundBasis.TRACED_BY_TIME,
                new BigDecimal("900.00"), List.of(loss("1.00"))));
    }
}
