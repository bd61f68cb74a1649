package io.fraudshield.common.outbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * A real HTTP receiver on a free port (the JDK's server): answers 200 unless told otherwise per aggregate,
 * records every request it saw, and can hold one aggregate's request until released.
 */
public final class ProbeReceiver {

    public record Received(String messageId, String aggregate, String payload, int answered, String traceparent) {
    }

    private static ProbeReceiver instance;

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private final Map<String, Deque<Integer>> answers = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch[]> holds = new ConcurrentHashMap<>();

    private ProbeReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/messages", this::handle);
        server.start();
    }

    public static synchronized ProbeReceiver get() {
        if (instance == null) {
            try {
                instance = new ProbeReceiver();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/messages");
    }

    /** The next requests for this aggregate are answered with these statuses, in order; then 200. */
    public void answer(String aggregate, Integer... statuses) {
        answers.put(aggregate, new ArrayDeque<>(List.of(statuses)));
    }

    /** Holds the next request for this aggregate until {@code release} counts down; {@code arrived} tells it came. */
    public void hold(String aggregate, CountDownLatch arrived, CountDownLatch release) {
        holds.put(aggregate, new CountDownLatch[] {arrived, release});
    }

    public synchronized List<Received> receivedFor(String aggregatePrefix) {
        return received.stream().filter(r -> r.aggregate().startsWith(aggregatePrefix)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String aggregate = exchange.getRequestHeaders().getFirst("Aggregate");
        String payload = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        CountDownLatch[] hold = holds.remove(aggregate);
        if (hold != null) {
            hold[0].countDown();
            try {
                hold[1].await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Deque<Integer> scripted = answers.get(aggregate);
        Integer next = scripted == null ? null : scripted.poll();
        int status = next == null ? 200 : next;
        synchronized (this) {
            received.add(new Received(exchange.getRequestHeaders().getFirst(OutboxMessage.MESSAGE_ID_HEADER), aggregate,
                    payload, status, exchange.getRequestHeaders().getFirst("traceparent")));
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }
}
