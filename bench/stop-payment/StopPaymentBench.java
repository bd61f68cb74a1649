import io.fraudshield.localstack.LocalKeys;
import io.fraudshield.localstack.LocalTokens;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load benchmark of stop-payment-service (bench/stop-payment/run.sh starts it): the packaged service in the
 * production profile on local-stack PostgreSQL; the banks' webhook receiver, account-risk-service and the
 * identity provider are stubbed in this process.
 *
 *   submit RATE SECONDS : open loop, RATE stop orders per second for SECONDS after 10 s of warm-up; police submit →
 *                         bank webhook received
 *   ladder SECONDS      : submit at 20, 40, 80, 160 … orders/s until p99 > 100 ms or orders go missing
 *   trail               : a 5-layer money trail of 100 orders; the banks answer each order as its webhook arrives
 */
public class StopPaymentBench {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern ORDER_ID = Pattern.compile("\"order\":\\{\"id\":\"([0-9a-f-]{36})\"");
    static final Pattern LAYER = Pattern.compile("\"layer\":(\\d+)");
    static final Pattern TARGET = Pattern.compile("\"target\":\"([A-Z0-9]+)\"");
    static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    static final String AGENCY = "PSBBENCH";
    static final int BANKS = 6;

    static String base;
    /** the packaged app's management interface: health and metrics */
    static String management;
    static PrivateKey signingKey;
    static Process service;
    static final Map<String, Long> submittedAt = new ConcurrentHashMap<>();
    static final Map<String, Long> receivedAt = new ConcurrentHashMap<>();
    static volatile WebhookReaction reaction = (id, body) -> { };

    interface WebhookReaction {
        void on(String orderId, String body) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Path keys = Path.of(System.getenv("FS_KEYS_DIR"));
        signingKey = LocalKeys.loadOrCreate(keys).getPrivate();
        String serviceToken = LocalTokens.mint(signingKey, "account-risk-service", "service", "STOPPAYMENT",
                "stop-payment-service", Duration.ofMinutes(55));
        HttpServer stubs = stubs(serviceToken);
        try {
            startService(keys, stubs.getAddress().getPort());
            register(stubs.getAddress().getPort());
            switch (args[0]) {
                case "submit" -> {
                    submit(Integer.parseInt(args[1]), 10); // warm-up, not reported
                    report(submit(Integer.parseInt(args[1]), Integer.parseInt(args[2])));
                }
                case "ladder" -> ladder(Integer.parseInt(args[1]));
                case "trail" -> trail();
                default -> throw new IllegalArgumentException(args[0]);
            }
        } finally {
            if (service != null) {
                service.destroy();
                service.waitFor();
            }
            stubs.stop(0);
        }
        System.exit(0);
    }

    // ---------------- submit → webhook ----------------

    record Run(int rate, int sent, int delivered, double[] submitMs, double[] webhookMs) {
    }

    static Run submit(int rate, int seconds) throws Exception {
        reaction = (id, body) -> { };
        int total = rate * seconds;
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
        ExecutorService senders = Executors.newFixedThreadPool(64);
        List<String> ids = new ArrayList<>();
        List<Long> submitNanos = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(total);
        AtomicInteger next = new AtomicInteger();
        long periodNanos = 1_000_000_000L / rate;
        clock.scheduleAtFixedRate(() -> {
            int n = next.getAndIncrement();
            if (n >= total) {
                return;
            }
            senders.submit(() -> {
                try {
                    String bank = "BB" + (1 + n % BANKS);
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = post(police(), "/v1/orders", stop("BENCH-" + UUID.randomUUID().toString()
                            .substring(0, 8).toUpperCase(), bank, "1000.00"));
                    long t1 = System.nanoTime();
                    Matcher id = ID.matcher(response.body());
                    if (response.statusCode() == 201 && id.find()) {
                        submittedAt.put(id.group(1), t0);
                        synchronized (ids) {
                            ids.add(id.group(1));
                            submitNanos.add(t1 - t0);
                        }
                    } else {
                        System.err.println("submit failed: " + response.statusCode() + " " + response.body());
                    }
                } catch (Exception e) {
                    System.err.println("submit failed: " + e);
                } finally {
                    done.countDown();
                }
            });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        done.await();
        clock.shutdownNow();
        senders.shutdown();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && ids.stream().anyMatch(id -> !receivedAt.containsKey(id))) {
            Thread.sleep(50);
        }
        List<Long> latencies = new ArrayList<>();
        for (String id : ids) {
            Long received = receivedAt.get(id);
            if (received != null) {
                latencies.add(received - submittedAt.get(id));
            }
        }
        return new Run(rate, ids.size(), latencies.size(), sortedMillis(submitNanos), sortedMillis(latencies));
    }

    static void report(Run run) {
        System.out.printf("rate %d/s: %d submitted, %d webhooks received; submit p50 %.1f ms p99 %.1f ms;"
                        + " submit→webhook p50 %.1f ms p99 %.1f ms max %.1f ms%n", run.rate, run.sent, run.delivered,
                pct(run.submitMs, 50), pct(run.submitMs, 99), pct(run.webhookMs, 50), pct(run.webhookMs, 99),
                pct(run.webhookMs, 100));
        System.out.printf("RESULT rate=%d webhook_p50_ms=%.1f webhook_p99_ms=%.1f submit_p99_ms=%.1f delivered=%d/%d%n",
                run.rate, pct(run.webhookMs, 50), pct(run.webhookMs, 99), pct(run.submitMs, 99), run.delivered, run.sent);
    }

    static void ladder(int seconds) throws Exception {
        submit(20, 10); // warm-up, not reported
        int best = 0;
        for (int rate = 20; rate <= 1280; rate *= 2) {
            Run run = submit(rate, seconds);
            report(run);
            boolean sustained = run.delivered == rate * seconds && pct(run.webhookMs, 99) <= 100;
            if (!sustained) {
                break;
            }
            best = rate;
        }
        System.out.printf("RESULT highest_rate_with_p99_within_100ms=%d%n", best);
    }

    // ---------------- money trail ----------------

    /** Children per order by layer: 1 → 3 → 9 → 27 → 60 (the first 6 of layer 4 have 3, the rest 2) = 100 orders. */
    static int children(int layer, int indexInLayer) {
        return switch (layer) {
            case 1, 2, 3 -> 3;
            case 4 -> indexInLayer < 6 ? 3 : 2;
            default -> 0;
        };
    }

    static void trail() throws Exception {
        String caseNumber = "TRAIL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        submit(20, 10); // warm-up, not reported
        String root = idOf(post(police(), "/v1/orders", stop(caseNumber, "BB1", "1000000.00")));
        HttpResponse<String> granted = post(police(), "/v1/cases/" + caseNumber + "/standing-authorisations",
                "{\"maxLayer\":5,\"maxAmount\":\"1000000.00\",\"validUntil\":\"" + Instant.now().plusSeconds(3600)
                        + "\",\"legalBasis\":\"Benchmark case, duty chief's approval\"}");
        if (granted.statusCode() != 201) {
            throw new IllegalStateException("standing authorisation: " + granted.body());
        }
        AtomicInteger[] perLayer = new AtomicInteger[7];
        for (int i = 0; i < perLayer.length; i++) {
            perLayer[i] = new AtomicInteger();
        }
        AtomicInteger followUps = new AtomicInteger();
        AtomicLong lastDelivered = new AtomicLong();
        CountDownLatch all = new CountDownLatch(99);
        ExecutorService banks = Executors.newFixedThreadPool(16);
        reaction = (id, body) -> {
            Matcher layer = LAYER.matcher(body);
            if (!layer.find() || id.equals(root)) {
                return;
            }
            lastDelivered.set(System.nanoTime());
            followUps.incrementAndGet();
            all.countDown();
            int l = Integer.parseInt(layer.group(1));
            Matcher target = TARGET.matcher(body);
            target.find();
            int index = perLayer[l].getAndIncrement();
            banks.submit(() -> answer(target.group(1), id, l, children(l, index)));
        };
        long start = System.nanoTime();
        answer("BB1", root, 1, children(1, 0));
        boolean complete = all.await(60, TimeUnit.SECONDS);
        double millis = (lastDelivered.get() - start) / 1e6;
        System.out.printf("trail: %d follow-ups delivered (complete: %s), first feedback → last follow-up webhook %.0f ms%n",
                followUps.get(), complete, millis);
        System.out.printf("RESULT trail_orders=%d trail_ms=%.0f%n", followUps.get() + 1, millis);
        banks.shutdownNow();
    }

    static Void answer(String bank, String orderId, int layer, int children) throws Exception {
        StringBuilder transfers = new StringBuilder();
        for (int c = 0; c < children; c++) {
            String next = "BB" + (1 + (layer + c) % BANKS);
            transfers.append(c == 0 ? "" : ",").append("{\"bank\":\"").append(next).append("\",\"accountNumber\":\"")
                    .append(account()).append("\",\"holderName\":\"Mule ").append(layer).append('-').append(c)
                    .append("\",\"amount\":\"").append(amountAt(layer)).append("\",\"time\":\"").append(Instant.now().minusSeconds(60))
                    .append("\",\"transactionId\":\"TX-").append(UUID.randomUUID()).append("\"}");
        }
        HttpResponse<String> response = post(bank(bank), "/v1/orders/" + orderId + "/feedback",
                "{\"status\":\"NOT_EXECUTED\",\"reason\":\"INSUFFICIENT_BALANCE\",\"onwardTransfers\":[" + transfers + "]}");
        if (response.statusCode() != 200) {
            System.err.println("feedback failed: " + response.statusCode() + " " + response.body());
        }
        return null;
    }

    /**
     * What each onward transfer from an account at {@code layer} carries: 10,000 from the root, a tenth of that a
     * layer down, so the children of an order never ask for more than is missing there (or they would not be followed).
     */
    static String amountAt(int layer) {
        return new java.math.BigDecimal(10_000).movePointLeft(layer - 1).setScale(2).toPlainString();
    }

    // ---------------- helpers ----------------

    static final AtomicLong ACCOUNTS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    static String account() {
        return "621700" + String.format("%012d", ACCOUNTS.incrementAndGet() % 1_000_000_000_000L);
    }

    static String stop(String caseNumber, String bank, String amount) {
        return "{\"kind\":\"STOP_PAYMENT\",\"caseNumber\":\"" + caseNumber + "\",\"legalDocument\":{\"number\":\"BENCH-1\","
                + "\"issuingAuthority\":\"Bench PSB\",\"sha256\":\"" + "ab".repeat(32) + "\"},\"approvingOfficer\":\"chief\","
                + "\"target\":\"" + bank + "\",\"holderName\":\"Bench Holder\",\"accountNumber\":\"" + account()
                + "\",\"amount\":\"" + amount + "\",\"transaction\":{\"time\":\"2026-11-28T09:14:05Z\",\"amount\":\"" + amount + "\"}}";
    }

    static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    static String token(String role, String participant, String subject) {
        return TOKENS.computeIfAbsent(role + participant + subject, k -> "Bearer " + LocalTokens.mint(signingKey,
                "stop-payment-service", role, participant, subject, Duration.ofMinutes(55)));
    }

    static String police() {
        return token("police", AGENCY, "bench-officer");
    }

    static String bank(String code) {
        return token("bank", code, "bench-ops");
    }

    static HttpResponse<String> post(String token, String path, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", token)
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String idOf(HttpResponse<String> response) {
        Matcher id = ID.matcher(response.body());
        if (response.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return id.group(1);
    }

    static double[] sortedMillis(List<Long> nanos) {
        return nanos.stream().mapToDouble(n -> n / 1e6).sorted().toArray();
    }

    static double pct(double[] sorted, int percentile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    // ---------------- set-up ----------------

    static void register(int stubPort) throws Exception {
        String admin = token("admin", "ADM01", "bench-admin");
        for (int b = 1; b <= BANKS; b++) {
            String code = "BB" + b;
            HttpResponse<String> registered = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/v1/participants/" + code))
                    .header("Authorization", admin).header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"kind\":\"BANK\",\"name\":\"Bench bank " + b
                            + "\",\"webhookUrl\":\"http://127.0.0.1:" + stubPort + "/hooks/" + code + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (registered.statusCode() / 100 != 2) {
                throw new IllegalStateException("register " + code + ": " + registered.body());
            }
            post(admin, "/v1/participants/" + code + "/signing-secrets", "{\"secret\":\"bench-webhook-secret-0000000000000001\"}");
        }
    }

    /** The banks' webhooks, account-risk-service's marker endpoints and the identity provider's token endpoint. */
    static HttpServer stubs(String serviceToken) throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        server.createContext("/hooks/", exchange -> {
            long now = System.nanoTime();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
            Matcher id = ORDER_ID.matcher(body);
            if (body.contains("\"type\":\"order.issued\"") && id.find()) {
                receivedAt.putIfAbsent(id.group(1), now);
                try {
                    reaction.on(id.group(1), body);
                } catch (Exception e) {
                    System.err.println("reaction failed: " + e);
                }
            }
        });
        server.createContext("/idp/token", exchange -> {
            byte[] body = ("{\"access_token\":\"" + serviceToken + "\",\"token_type\":\"Bearer\",\"expires_in\":3300}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/v1/", exchange -> {
            byte[] body = ("{\"id\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(201, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.start();
        return server;
    }

    static void startService(Path keys, int stubPort) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx512m", "-jar",
                "stop-payment-service/target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true).redirectOutput(Path.of(System.getenv("BENCH_LOG")).toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        try (ServerSocket socket = new ServerSocket(0)) {
            management = "http://127.0.0.1:" + socket.getLocalPort();
            env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(socket.getLocalPort()));
        }
        env.put("DB_URL", "jdbc:postgresql://localhost:" + System.getenv("FS_POSTGRES_PORT") + "/stoppayment");
        env.put("DB_USER", "stoppayment_runtime");
        env.put("DB_PASSWORD", "stoppayment_runtime");
        // one process migrates (as prod's migrate init container) and serves: fine for a local bench
        env.put("DB_MIGRATE", "true");
        env.put("DB_OWNER_USER", "stoppayment_owner");
        env.put("DB_OWNER_PASSWORD", "stoppayment_owner");
        env.put("JWT_ISSUER", LocalTokens.ISSUER);
        env.put("JWT_AUDIENCE", "stop-payment-service");
        env.put("JWT_PUBLIC_KEY_LOCATION", keys.resolve(LocalKeys.PUBLIC_KEY_FILE).toAbsolutePath().toString());
        env.put("SERVICE_TOKEN_ENDPOINT", "http://127.0.0.1:" + stubPort + "/idp/token");
        env.put("SERVICE_CLIENT_ID", "stop-payment-service");
        env.put("SERVICE_CLIENT_SECRET", "bench-client-secret");
        env.put("PSEUDONYM_ACTIVE_KEY_ID", "bench1");
        env.put("FRAUDSHIELD_PSEUDONYM_KEYS_BENCH1", "YmVuY2htYXJrLWtleS1ub3QtYS1zZWNyZXQtMDAwMDAwMDE=");
        env.put("AUDIT_ACTIVE_KEY_ID", "bench1");
        env.put("FRAUDSHIELD_AUDIT_KEYS_BENCH1", "YmVuY2htYXJrLWF1ZGl0LWtleS1ub3QtYS1zZWNyZXQtMDAwMDAwMDAwMDAx");
        env.put("SEALING_ACTIVE_KEY_ID", "bench1");
        env.put("STOPPAYMENT_SEALING_KEYS_BENCH1", "YmVuY2gtc2VhbGluZy1rZXktbm90LWEtc2VjcmV0LTE=");
        // the bench's receiver listens on plain http on this machine
        env.put("STOPPAYMENT_WEBHOOKS_ALLOW_PLAIN_HTTP", "true");
        env.put("ACCOUNT_RISK_URL", "http://127.0.0.1:" + stubPort);
        service = builder.start();
        long deadline = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(management + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not yet listening
            }
            if (!service.isAlive()) {
                throw new IllegalStateException("stop-payment-service exited; see " + System.getenv("BENCH_LOG"));
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("stop-payment-service not ready");
    }
}
