package io.fraudshield.stoppayment.order;

import io.fraudshield.stoppayment.Bodies;
import io.fraudshield.stoppayment.Scenario;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The rules that count hold when many requests arrive at once: the case row serialises a case's orders. */
@QuarkusTest
class OrderRaceTest {

    private static List<Integer> concurrently(int n, Callable<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> future : futures) {
            statuses.add(future.get());
        }
        pool.shutdown();
        return statuses;
    }

    @Test
    void eightStopsOnOneAccountAtOnceInANewCaseGiveExactlyTwo() throws Exception {
        Scenario scenario = new Scenario();
        Scenario.Bank bank = scenario.bank(null, false);
        String account = bank.account();
        List<Integer> statuses = concurrently(8, () -> scenario.officer.post("/v1/orders",
                Bodies.stop(scenario.caseNumber, bank.code(), account, "Race Holder", "10.00")).statusCode());
        assertEquals(2, statuses.stream().filter(s -> s == 201).count(), statuses::toString);
        assertEquals(6, statuses.stream().filter(s -> s == 409).count(), statuses::toString);
    }

    @Test
    void twoBanksReportingTheSameTransactionAtOnceMakeOneFollowUp() throws Exception {
        Scenario scenario = new Scenario();
        Scenario.Bank first = scenario.bank(null, false);
        Scenario.Bank second = scenario.bank(null, false);
        Scenario.Bank next = scenario.bank(null, false);
        String one = scenario.officer.post("/v1/orders", Bodies.stop(scenario.caseNumber, first.code(), first.account(), "R", "500.00"))
                .then().statusCode(201).extract().path("id");
        String two = scenario.officer.post("/v1/orders", Bodies.stop(scenario.caseNumber, second.code(), second.account(), "R", "500.00"))
                .then().statusCode(201).extract().path("id");
        scenario.officer.post("/v1/cases/" + scenario.caseNumber + "/standing-authorisations", Bodies.standing(5, "1000.00"))
                .then().statusCode(201);
        String transfer = Bodies.transfer(next.code(), next.account(), "Mule", "300.00", "TX-" + scenario.agency + "-RACE");
        List<Scenario.Bank> banks = List.of(first, second);
        List<String> orders = List.of(one, two);
        int[] turn = {0};
        List<Integer> statuses = concurrently(2, () -> {
            int i;
            synchronized (turn) {
                i = turn[0]++;
            }
            return banks.get(i).actor().post("/v1/orders/" + orders.get(i) + "/feedback",
                    Bodies.notExecuted("INSUFFICIENT_BALANCE", transfer)).statusCode();
        });
        assertEquals(List.of(200, 200), statuses);
        next.actor().get("/v1/inbox").then().statusCode(200).body("items.size()", org.hamcrest.Matchers.equalTo(1));
    }
}
