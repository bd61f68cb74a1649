package io.fraudshield.cardlimit.reservation;

import io.agroal.api.AgroalDataSource;
import io.fraudshield.cardlimit.BankClient;
import io.fraudshield.cardlimit.time.SystemTimeSource;
import io.fraudshield.cardlimit.time.TimeSource;
import io.fraudshield.localstack.TestPeople;
import io.fraudshield.localstack.TestSql;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Holds expire by the database's clock, the one all replicas share. This replica's clock is put 10 minutes
 * behind: if any hold decision used it, the expired hold would still be confirmable and would still block
 * the slot.
 */
@QuarkusTest
class DatabaseClockTest {

    private final BankClient bank = BankClient.of("B141");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aHoldTheDatabaseConsidersExpiredIsNeitherConfirmedNorCountedWhateverThisReplicasClockSays() throws Exception {
        QuarkusMock.installMockForType(new SystemTimeSource() {
            @Override
            public Instant now() {
                return Instant.now().minus(Duration.ofMinutes(10));
            }
        }, TimeSource.class);
        String customer = TestPeople.residentId();
        for (int i = 0; i < 3; i++) {
            bank.openCard(customer);
        }
        String hold = bank.reserveDebitCard(customer).then().statusCode(201).extract().path("id");
        TestSql.execute(dataSource, "update card_slot set held_until = clock_timestamp() - interval '1 second'"
                + " where id = '" + hold + "'");

        bank.confirm(hold).then().statusCode(409).contentType("application/problem+json");
        String fresh = bank.reserveDebitCard(customer).then().statusCode(201).extract().path("id");

        String ref = bank.check(customer).then().extract().path("customerRef");
        assertEquals(4, TestSql.number(dataSource, "select count(*) from card_slot where bank = 'B141' and customer_ref = ?"
                + " and (state in ('ACTIVE', 'INACTIVE') or (state = 'HELD' and held_until > clock_timestamp()))", ref));
        assertEquals(1, TestSql.number(dataSource, "select count(*) from card_slot where id = ?::uuid"
                + " and held_until > clock_timestamp() + interval '14 minutes'", fresh), "the new hold runs by the database's clock");
    }
}
