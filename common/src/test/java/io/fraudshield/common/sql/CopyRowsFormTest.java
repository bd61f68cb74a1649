package io.fraudshield.common.sql;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Only values whose text form PostgreSQL reads back exactly reach a COPY row (AuditBatchCopyTest covers the bytes). */
class CopyRowsFormTest {

    @Test
    void numbersThatCouldPrintAsExponentsOrNaNAreRefused() {
        CopyRows rows = new CopyRows("t (a)", 1);
        assertThrows(IllegalArgumentException.class, () -> rows.add(1.0e10));
        assertThrows(IllegalArgumentException.class, () -> rows.add(Float.NaN));
        assertThrows(IllegalArgumentException.class, () -> rows.add(new BigDecimal("1E+3")));
        assertThrows(IllegalArgumentException.class, () -> rows.add(new Object()));
    }

    @Test
    void wholeNumbersIdsInstantsTextAndNullsAreAccepted() {
        CopyRows rows = new CopyRows("t (a, b, c, d, e, f)", 6);
        assertDoesNotThrow(() -> rows.add(1, 2L, (short) 3, UUID.randomUUID(), Instant.now(), null));
        assertDoesNotThrow(() -> rows.add(1, 2L, (short) 3, UUID.randomUUID(), Instant.now(), "tab\there"));
        assertThrows(IllegalArgumentException.class, () -> rows.add(1, 2), "a row of the wrong width");
    }
}
