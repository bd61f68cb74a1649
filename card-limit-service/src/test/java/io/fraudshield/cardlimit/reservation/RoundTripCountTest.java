package io.fraudshield.cardlimit.reservation;

import io.fraudshield.cardlimit.BankClient;
import io.fraudshield.localstack.TestPeople;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A reservation makes two database round trips (claim, locks and counts; the hold, its audit, the idempotency record
 * and the commit), plus one in every lease-size reservations of a bank (the replica draws the bank's next lease of
 * opening tokens), and a confirmation two, whatever else changes: a regression to one statement per round trip, a
 * separate commit, an ORM flush or a token round trip per decision shows here as more. Counted where the PostgreSQL
 * driver ends each round trip: the Sync message it sends and then waits on (its protocol trace), on the request's
 * threads. (Tests spend a lease for up to a minute, so which reservation draws depends on the count alone.)
 */
@QuarkusTest
class RoundTripCountTest {

    private static final Logger DRIVER = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");

    private final BankClient bank = BankClient.of("B152");
    private final AtomicInteger syncs = new AtomicInteger();
    private final Handler counter = new Handler() {
        @Override
        public void publish(LogRecord record) {
            // request threads only: scheduled jobs and the test's own look-ups are not the request's round trips
            if (" FE=> Sync".equals(record.getMessage()) && Thread.currentThread().getName().startsWith("executor-thread")) {
                syncs.incrementAndGet();
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level before;

    @BeforeEach
    void traceTheDriver() {
        before = DRIVER.getLevel();
        DRIVER.setLevel(Level.FINEST);
        DRIVER.setUseParentHandlers(false);
        DRIVER.addHandler(counter);
    }

    @AfterEach
    void stopTracing() {
        DRIVER.removeHandler(counter);
        DRIVER.setUseParentHandlers(true);
        DRIVER.setLevel(before);
    }

    @Test
    void aReservationTakesTwoRoundTripsAndItsConfirmationTwo() {
        String customer = TestPeople.residentId();
        bank.openCard(customer); // the person is known, the statements are prepared, the bank's lease is drawn

        syncs.set(0);
        String hold = bank.reserveDebitCard(customer).then().statusCode(201).extract().path("id");
        assertEquals(2, syncs.get(), "round trips of a reservation spending a leased opening token");

        syncs.set(0);
        bank.confirm(hold).then().statusCode(200);
        assertEquals(2, syncs.get(), "round trips of a confirmation");
    }

    @Test
    void oneReservationInALeaseDrawsTheBanksNextLeaseInOneMoreRoundTrip() {
        BankClient other = BankClient.of("B153");
        int lease = 10; // the test-bulk tier's lease (lease-size 10, well under 1/20 of its bucket)
        for (int i = 0; i < lease; i++) {
            other.reserveDebitCard(TestPeople.residentId()).then().statusCode(201);
        }
        syncs.set(0);
        for (int i = 0; i < lease; i++) {
            other.reserveDebitCard(TestPeople.residentId()).then().statusCode(201);
        }
        assertEquals(2 * lease + 1, syncs.get(), "round trips of " + lease + " reservations of one bank");
    }

    @Test
    void theDriverTraceCountsEveryRoundTrip() {
        // the counter itself: a request known to make round trips is seen making them
        syncs.set(0);
        bank.check(TestPeople.residentId()).then().statusCode(200);
        assertEquals(true, syncs.get() > 3, "an opening check (JTA, Hibernate) makes several round trips: " + syncs.get());
    }
}
