package io.fraudshield.cardlimit.reservation;

import io.agroal.api.AgroalDataSource;
import io.fraudshield.cardlimit.BankClient;
import io.fraudshield.cardlimit.Race;
import io.fraudshield.localstack.TestPeople;
import io.fraudshield.localstack.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** No interleaving of requests holds more slots than the limit, and a hold ends in exactly one way. */
@QuarkusTest
class ReservationRaceTest {

    private static final int CONCURRENT = 64;

    private final BankClient bank = BankClient.of("B102");

    @Inject
    AgroalDataSource dataSource;
    @Inject
    HoldExpiry expiry;

    @ParameterizedTest(name = "{0} cards already open")
    @ValueSource(ints = {0, 1, 3, 4})
    void concurrentReservationsGetExactlyTheFreeSlots(int alreadyOpen) throws Exception {
        String customer = TestPeople.residentId();
        for (int i = 0; i < alreadyOpen; i++) {
            bank.openCard(customer);
        }
        List<Response> responses = concurrently(CONCURRENT, i -> bank.reserveDebitCard(customer));
        long granted = responses.stream().filter(r -> r.statusCode() == 201).count();
        long denied = responses.stream()
                .filter(r -> r.statusCode() == 200 && "DENY".equals(r.path("decision"))).count();
        assertEquals(4 - alreadyOpen, granted);
        assertEquals(CONCURRENT - granted, denied);
        String ref = bank.check(customer).then().extract().path("customerRef");
        assertEquals(4, occupyingSlots(ref));
    }

    @Test
    void concurrentAgentOpeningsForDifferentCustomersStopAtTheAgentLimit() throws Exception {
        String agent = TestPeople.residentId();
        List<Response> responses = concurrently(16, i -> bank.reserve(
                BankClient.opening(TestPeople.residentId(), "CLASS_II", "DEBIT_CARD", "COUNTER", agent, null)));
        assertEquals(3, responses.stream().filter(r -> r.statusCode() == 201).count());
    }

    @Test
    void aHoldExpiringAsItIsConfirmedEndsInExactlyOneOutcome() throws Exception {
        int confirmed = 0;
        int expired = 0;
        for (int round = 0; round < 12; round++) {
            String id = bank.reserveDebitCard(TestPeople.residentId()).then().statusCode(201).extract().path("id");
            TestSql.execute(dataSource, "update card_slot set held_until = now() + interval '120 milliseconds' where id = '" + id + "'");
            CountDownLatch start = new CountDownLatch(1);
            int jitter = round % 4 * 5;
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Integer> confirmation = pool.submit(() -> {
                    start.await();
                    Thread.sleep(110 + jitter);
                    return bank.confirm(id).statusCode();
                });
                Future<?> job = pool.submit(() -> {
                    start.await();
                    // keep running the job until the hold has ended one way or the other (bounded)
                    long deadline = System.currentTimeMillis() + 5000;
                    while (System.currentTimeMillis() < deadline && "HELD".equals(stateOf(id))) {
                        expiry.expireDue();
                    }
                    return null;
                });
                start.countDown();
                int status = confirmation.get();
                job.get();
                String state = stateOf(id);
                if (status == 200) {
                    assertEquals("ACTIVE", state, "confirmed, so it must not also expire");
                    confirmed++;
                } else {
                    assertEquals(409, status);
                    assertEquals("EXPIRED", state, "not confirmed, so the job must expire it");
                    expired++;
                }
                assertEquals(1, auditedEndings(id), "exactly one of card.confirmed / slot.expired");
            } finally {
                pool.shutdownNow();
            }
        }
        assertEquals(12, confirmed + expired);
    }

    @Test
    void concurrentConfirmationsOfOneCardNumberRegisterItOnceAndAnswerTheRestWith409() throws Exception {
        String card = TestPeople.cardNumber();
        List<String> holds = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            holds.add(bank.reserveDebitCard(TestPeople.residentId()).then().statusCode(201).extract().path("id"));
        }
        List<Response> responses = Race.of(8, i -> bank.idempotent().body("{\"cardNumber\":\"" + card + "\"}")
                .post("/v1/slot-reservations/" + holds.get(i) + "/confirmation"));
        assertEquals(1, responses.stream().filter(r -> r.statusCode() == 200).count(),
                () -> Race.describe(responses));
        assertEquals(7, responses.stream().filter(r -> r.statusCode() == 409
                && "https://fraudshield.io/problems/duplicate".equals(r.path("type"))).count(),
                () -> Race.describe(responses));
        assertEquals(1, TestSql.number(dataSource, "select count(*) from card_slot where card_ref is not null and id::text = any(?)",
                (Object) holds.toArray(new String[0])));
    }

    private List<Response> concurrently(int n, Function<Integer, Response> call) throws Exception {
        List<Response> responses = Race.of(n, call::apply);
        assertTrue(responses.stream().allMatch(r -> r.statusCode() == 200 || r.statusCode() == 201),
                () -> Race.describe(responses));
        return responses;
    }

    private long occupyingSlots(String customerRef) {
        return TestSql.number(dataSource, "select count(*) from card_slot where bank = 'B102' and customer_ref = ?"
                + " and state in ('HELD', 'ACTIVE', 'INACTIVE')", customerRef);
    }

    private String stateOf(String id) {
        return TestSql.text(dataSource, "select state from card_slot where id = ?::uuid", id);
    }

    private long auditedEndings(String id) {
        return TestSql.number(dataSource, "select count(*) from audit_event where object_id = ?"
                + " and action in ('card.confirmed', 'slot.expired')", id);
    }
}
