package io.fraudshield.stoppayment.feedback;

import io.fraudshield.common.money.Money;
import io.fraudshield.common.problem.ProblemException;
import io.fraudshield.stoppayment.order.OrderKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FeedbackPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final BigDecimal REQUESTED = new BigDecimal("1000.00");

    @ParameterizedTest(name = "{0} {1} {2} {3} {4}: {5}")
    @CsvSource(nullValues = "-", value = {
            // kind, status, reason, stopped, transfers, expected stopped/notStopped or the field refused
            "STOP_PAYMENT, EXECUTED,           -,                    1000.00, 0, 1000.00/0.00",
            "STOP_PAYMENT, EXECUTED,           -,                    999.99,  0, $.stoppedAmount",
            "STOP_PAYMENT, EXECUTED,           -,                    1000.01, 0, $.stoppedAmount",
            "STOP_PAYMENT, EXECUTED,           -,                    -,       0, $.stoppedAmount",
            "FREEZE,       PARTIALLY_EXECUTED, INSUFFICIENT_BALANCE, 300.00,  1, 300.00/700.00",
            "FREEZE,       PARTIALLY_EXECUTED, -,                    300.00,  0, $.reason",
            "FREEZE,       PARTIALLY_EXECUTED, NAME_MISMATCH,        300.00,  0, $.reason",
            "FREEZE,       PARTIALLY_EXECUTED, PRIOR_FREEZE,         1000.00, 0, $.stoppedAmount",
            "STOP_PAYMENT, NOT_EXECUTED,       NAME_MISMATCH,        -,       0, 0.00/1000.00",
            "STOP_PAYMENT, NOT_EXECUTED,       NAME_MISMATCH,        -,       1, $.onwardTransfers",
            "STOP_PAYMENT, NOT_EXECUTED,       INSUFFICIENT_BALANCE, -,       2, 0.00/1000.00",
            "STOP_PAYMENT, NOT_EXECUTED,       -,                    -,       0, $.reason",
            "STOP_PAYMENT, NOT_EXECUTED,       ACCOUNT_CLOSED,       10.00,   0, $.stoppedAmount",
            "EXTEND,       EXECUTED,           -,                    -,       0, 0.00/0.00",
            "RELEASE,      EXECUTED,           -,                    5.00,    0, $.stoppedAmount",
            "RELEASE,      PARTIALLY_EXECUTED, OTHER,                -,       0, $.status",
            "STOP_PAYMENT, ACKNOWLEDGED,       -,                    -,       0, -/-",
            "STOP_PAYMENT, ACKNOWLEDGED,       -,                    5.00,    0, $.status",
    })
    void answers(OrderKind kind, FeedbackStatus status, NotExecutedReason reason, String stopped, int transfers, String expected) {
        List<OnwardTransferReport> reports = java.util.Collections.nCopies(transfers, null);
        FeedbackRequest answer = new FeedbackRequest(status, reason, stopped == null ? null : Money.of(stopped),
                NOW.minusSeconds(60), null, reports);
        if (expected.startsWith("$.")) {
            ProblemException refused = assertThrows(ProblemException.class, () -> FeedbackPolicy.check(kind, REQUESTED, answer, NOW));
            assertEquals(expected, refused.errors().get(0).field());
        } else {
            FeedbackPolicy.Settled settled = FeedbackPolicy.check(kind, REQUESTED, answer, NOW);
            assertEquals(expected, String.valueOf(settled.stopped()).replace("null", "-") + "/"
                    + String.valueOf(settled.notStopped()).replace("null", "-"), "stopped/not stopped");
        }
    }

    @ParameterizedTest
    @CsvSource({"EXECUTED", "PARTIALLY_EXECUTED"})
    void anExecutionStatesWhenItTookEffectAndNotInTheFuture(FeedbackStatus status) {
        FeedbackRequest noTime = new FeedbackRequest(status, NotExecutedReason.INSUFFICIENT_BALANCE, Money.of("10.00"), null, null, null);
        assertEquals("$.effectiveAt", assertThrows(ProblemException.class,
                () -> FeedbackPolicy.check(OrderKind.FREEZE, REQUESTED, noTime, NOW)).errors().get(0).field());
        FeedbackRequest future = new FeedbackRequest(status, NotExecutedReason.INSUFFICIENT_BALANCE, Money.of("10.00"),
                NOW.plusSeconds(3600), null, null);
        assertEquals("$.effectiveAt", assertThrows(ProblemException.class,
                () -> FeedbackPolicy.check(OrderKind.FREEZE, REQUESTED, future, NOW)).errors().get(0).field());
    }
}
