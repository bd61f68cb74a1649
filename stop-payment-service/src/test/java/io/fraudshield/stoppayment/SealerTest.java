package io.fraudshield.stoppayment;

import io.fraudshield.stoppayment.sealing.Sealer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@QuarkusTest
class SealerTest {

    @Inject
    Sealer sealer;

    @Test
    void sealedValuesOpenOnlyUntouched() {
        String sealed = sealer.seal("order/1", "6217000010012345671");
        assertFalse(sealed.contains("6217"));
        assertNotEquals(sealed, sealer.seal("order/1", "6217000010012345671"), "a fresh nonce each time");
        assertEquals("6217000010012345671", sealer.open("order/1", sealed));
        assertThrows(IllegalStateException.class, () -> sealer.open("order/2", sealed), "bound to its place");
        char[] tampered = sealed.toCharArray();
        tampered[tampered.length - 3] = tampered[tampered.length - 3] == 'A' ? 'B' : 'A';
        assertThrows(IllegalStateException.class, () -> sealer.open("order/1", new String(tampered)));
        assertThrows(IllegalStateException.class, () -> sealer.open("order/1", "retired:" + sealed.substring(sealed.indexOf(':') + 1)));
    }
}
