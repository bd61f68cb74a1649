package io.fraudshield.common.outbox;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DeliveryOutcomeTest {

    @ParameterizedTest
    @CsvSource({"200,DELIVERED", "201,DELIVERED", "204,DELIVERED", "400,PERMANENT", "401,RETRY", "403,RETRY",
            "404,PERMANENT", "409,RETRY", "422,PERMANENT", "408,RETRY", "429,RETRY", "500,RETRY", "502,RETRY",
            "503,RETRY", "302,RETRY"})
    void anHttpStatusDecidesWhetherTryingAgainCanHelp(int status, DeliveryOutcome.Kind expected) {
        assertEquals(expected, DeliveryOutcome.ofHttpStatus(status).kind());
    }
}
