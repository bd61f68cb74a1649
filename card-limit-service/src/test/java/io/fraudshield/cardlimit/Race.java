package io.fraudshield.cardlimit;

import io.restassured.response.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Many calls started at the same instant, for race tests. */
public final class Race {

    private Race() {
    }

    /** Starts n calls at the same instant and returns their answers, in call order. */
    public static List<Response> of(int n, IntFunction<Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<Response> task = () -> {
                    start.await();
                    return call.apply(index);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdown();
        }
    }

    /** Every answer with its status, for assertion messages. */
    public static String describe(List<Response> responses) {
        return responses.stream().map(r -> r.statusCode() + " " + r.asString()).toList().toString();
    }
}
