import com.sun.net.httpserver.HttpServer;
import io.fraudshield.localstack.LocalKeys;
import io.fraudshield.localstack.LocalTokens;
import io.fraudshield.localstack.TestPeople;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks of scripts/multi-instance.sh, against two running instances of each service on one PostgreSQL and
 * one Redis (ports: card-limit A B, account-risk A B, stop-payment A B, in the arguments). Prints one line per
 * property and exits 1 when any does not hold.
 *
 *   card-limit:   concurrent reservations for one customer, split over both instances, never exceed the limit (4)
 *   account-risk: a marker written through one instance is in the very next status answer of the other
 *   stop-payment: orders accepted through both instances reach the bank's webhook exactly once each
 */
public class MultiInstanceCheck {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    static final Pattern ORDER_ID = Pattern.compile("\"order\":\\{\"id\":\"([0-9a-f-]{36})\"");
    static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z_]+)\"");
    static PrivateKey signingKey;
    static boolean allHold = true;

    public static void main(String[] args) throws Exception {
        signingKey = LocalKeys.loadOrCreate(Path.of(System.getenv("FS_KEYS_DIR"))).getPrivate();
        int[] ports = new int[args.length];
        for (int i = 0; i < args.length; i++) {
            ports[i] = Integer.parseInt(args[i]);
        }
        cardLimit(ports[0], ports[1]);
        accountRisk(ports[2], ports[3]);
        stopPayment(ports[4], ports[5]);
        System.out.println(allHold ? "ALL HOLD" : "SOME DO NOT HOLD");
        System.exit(allHold ? 0 : 1);
    }

    // ---------------- card-limit ----------------

    static void cardLimit(int a, int b) throws Exception {
        String bank = token("card-limit-service", "bank", "B777", "teller");
        // warm-up: until both instances decide ALLOW for a clean person (account-risk answers in time)
        long warm = System.currentTimeMillis() + 120_000;
        int allowed = 0;
        while (allowed < 10 && System.currentTimeMillis() < warm) {
            HttpResponse<String> check = post(allowed % 2 == 0 ? a : b, bank, "/v1/opening-checks", opening(TestPeople.residentId()));
            allowed = check.statusCode() == 200 && check.body().contains("\"ALLOW\"") ? allowed + 1 : 0;
        }
        for (int alreadyOpen : new int[] {0, 2, 3}) {
            String customer = TestPeople.residentId();
            for (int i = 0; i < alreadyOpen; i++) {
                int port = i % 2 == 0 ? a : b;
                String id = idOf(post(port, bank, "/v1/slot-reservations", opening(customer)), 201);
                expect(post(port, bank, "/v1/slot-reservations/" + id + "/confirmation",
                        "{\"cardNumber\":\"" + TestPeople.cardNumber() + "\"}"), 200);
            }
            int requests = 40;
            List<HttpResponse<String>> answers = concurrently(requests, i -> post(i % 2 == 0 ? a : b, bank,
                    "/v1/slot-reservations", opening(customer)));
            long granted = answers.stream().filter(r -> r.statusCode() == 201).count();
            long denied = answers.stream().filter(r -> r.statusCode() == 200 && r.body().contains("\"DENY\"")).count();
            long other = requests - granted - denied;
            report("card-limit", granted == 4 - alreadyOpen && other == 0,
                    "%d cards open, %d concurrent reservations over both instances: %d granted (limit leaves %d), %d denied,"
                            + " %d other (REVIEW or errors)", alreadyOpen, requests, granted, 4 - alreadyOpen, denied, other);
            if (granted > 4 - alreadyOpen) {
                System.out.println("  the limit was exceeded");
            }
        }
    }

    static String opening(String customer) {
        return "{\"customer\":" + TestPeople.document(customer)
                + ",\"accountClass\":\"CLASS_II\",\"card\":\"DEBIT_CARD\",\"channel\":\"COUNTER\"}";
    }

    // ---------------- account-risk ----------------

    static void accountRisk(int a, int b) throws Exception {
        String police = token("account-risk-service", "police", "GA3301", "multi-police");
        String payments = token("account-risk-service", "payment-institution", "PAY001", "multi-pay");
        int rounds = 10;
        int coherent = 0;
        for (int round = 0; round < rounds; round++) {
            int writer = round % 2 == 0 ? a : b;
            int reader = round % 2 == 0 ? b : a;
            String bank = "B102";
            String account = "62170" + ThreadLocalRandom.current().nextLong(1_000_000_000_000L, 9_999_999_999_999L);
            String query = "{\"accounts\":[{\"bank\":\"" + bank + "\",\"accountNumber\":\"" + account + "\"}]}";
            // both instances answer CLEAR first, so both (and Redis) have it cached
            boolean clearBefore = status(post(a, payments, "/v1/account-status-queries", query)).equals("CLEAR")
                    && status(post(b, payments, "/v1/account-status-queries", query)).equals("CLEAR");
            expect(post(writer, police, "/v1/account-markers", "{\"bank\":\"" + bank + "\",\"accountNumber\":\"" + account
                    + "\",\"category\":\"HIGH_RISK\",\"level\":\"GREY\",\"reasonCode\":\"CASE_RECEIVING_ACCOUNT\","
                    + "\"evidenceRef\":\"GA-3301-2026-000123\"}"), 201);
            if (clearBefore && status(post(reader, payments, "/v1/account-status-queries", query)).equals("GREY")) {
                coherent++;
            }
        }
        report("account-risk", coherent == rounds,
                "%d of %d markers written through one instance were in the next status answer of the other"
                        + " (both had the account cached as CLEAR)", coherent, rounds);
    }

    static String status(HttpResponse<String> response) {
        Matcher status = STATUS.matcher(response.body());
        return response.statusCode() == 200 && status.find() ? status.group(1) : response.statusCode() + " " + response.body();
    }

    // ---------------- stop-payment ----------------

    static void stopPayment(int a, int b) throws Exception {
        Map<String, AtomicInteger> byEvent = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> byOrder = new ConcurrentHashMap<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        receiver.createContext("/hooks/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String event = exchange.getRequestHeaders().getFirst("Webhook-Id");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
            byEvent.computeIfAbsent(String.valueOf(event), k -> new AtomicInteger()).incrementAndGet();
            Matcher order = ORDER_ID.matcher(body);
            if (body.contains("\"type\":\"order.issued\"") && order.find()) {
                byOrder.computeIfAbsent(order.group(1), k -> new AtomicInteger()).incrementAndGet();
            }
        });
        receiver.setExecutor(Executors.newFixedThreadPool(16));
        receiver.start();
        try {
            String bankCode = "MB" + (100 + ThreadLocalRandom.current().nextInt(900));
            String admin = token("stop-payment-service", "admin", "ADM01", "multi-admin");
            expect(put(a, admin, "/v1/participants/" + bankCode, "{\"kind\":\"BANK\",\"name\":\"Multi-instance bank\","
                    + "\"webhookUrl\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/" + bankCode + "\"}"), 2);
            expect(post(b, admin, "/v1/participants/" + bankCode + "/signing-secrets",
                    "{\"secret\":\"multi-instance-webhook-secret-000000001\"}"), 2);
            String police = token("stop-payment-service", "police", "PSBMULTI", "multi-officer");
            int orders = 60;
            List<HttpResponse<String>> answers = concurrently(orders, i -> post(i % 2 == 0 ? a : b, police, "/v1/orders",
                    stopOrder(bankCode)));
            Set<String> accepted = ConcurrentHashMap.newKeySet();
            for (HttpResponse<String> answer : answers) {
                Matcher id = ID.matcher(answer.body());
                if (answer.statusCode() == 201 && id.find()) {
                    accepted.add(id.group(1));
                } else {
                    System.out.println("  order refused: " + answer.statusCode() + " " + answer.body());
                }
            }
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline && !byOrder.keySet().containsAll(accepted)) {
                Thread.sleep(200);
            }
            Thread.sleep(5_000); // a second delivery by the other instance would arrive in this time
            long once = accepted.stream().filter(id -> byOrder.containsKey(id) && byOrder.get(id).get() == 1).count();
            long twice = byOrder.values().stream().filter(n -> n.get() > 1).count()
                    + byEvent.values().stream().filter(n -> n.get() > 1).count();
            report("stop-payment", accepted.size() == orders && once == orders && twice == 0,
                    "%d orders accepted through both instances, %d webhooks received exactly once, %d received more than once,"
                            + " %d missing", accepted.size(), once, twice, accepted.size() - once);
        } finally {
            receiver.stop(0);
        }
    }

    static String stopOrder(String bank) {
        String account = "621700" + String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        return "{\"kind\":\"STOP_PAYMENT\",\"caseNumber\":\"MULTI-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase()
                + "\",\"legalDocument\":{\"number\":\"MULTI-1\",\"issuingAuthority\":\"Multi-instance PSB\",\"sha256\":\""
                + "ab".repeat(32) + "\"},\"approvingOfficer\":\"chief\",\"target\":\"" + bank
                + "\",\"holderName\":\"Multi Holder\",\"accountNumber\":\"" + account + "\",\"amount\":\"1000.00\","
                + "\"transaction\":{\"time\":\"2026-11-28T09:14:05Z\",\"amount\":\"1000.00\"}}";
    }

    // ---------------- helpers ----------------

    interface Call {
        HttpResponse<String> make(int index) throws Exception;
    }

    static List<HttpResponse<String>> concurrently(int count, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.make(index);
                }));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdown();
        }
    }

    static String token(String audience, String role, String participant, String subject) {
        return "Bearer " + LocalTokens.mint(signingKey, audience, role, participant, subject, Duration.ofMinutes(30));
    }

    static HttpResponse<String> post(int port, String token, String path, String json) throws Exception {
        return send(port, token, path, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static HttpResponse<String> put(int port, String token, String path, String json) throws Exception {
        return send(port, token, path, HttpRequest.newBuilder().PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    static HttpResponse<String> send(int port, String token, String path, HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.uri(URI.create("http://localhost:" + port + path)).header("Authorization", token)
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static void expect(HttpResponse<String> response, int status) {
        boolean ok = status < 10 ? response.statusCode() / 100 == status : response.statusCode() == status;
        if (!ok) {
            throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    static String idOf(HttpResponse<String> response, int status) {
        expect(response, status);
        Matcher id = ID.matcher(response.body());
        if (!id.find()) {
            throw new IllegalStateException("no id in " + response.body());
        }
        return id.group(1);
    }

    static void report(String service, boolean holds, String format, Object... values) {
        allHold &= holds;
        System.out.printf("%-13s %s  %s%n", service, holds ? "HOLDS" : "FAILS", String.format(format, values));
    }
}
