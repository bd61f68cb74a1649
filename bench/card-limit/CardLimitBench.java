import io.fraudshield.localstack.LocalKeys;
import io.fraudshield.localstack.LocalTokens;
import io.fraudshield.localstack.TestPeople;

import com.sun.net.httpserver.HttpServer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load benchmark of card-limit-service (bench/card-limit/run.sh starts it): the packaged service in the
 * production profile against local-stack PostgreSQL, account-risk-service stubbed in this process.
 *
 *   reservations CLIENTS WARMUP_S MEASURE_S [RATES] : closed-loop clients, each reserve → confirm for new customers;
 *                                              then, for each rate of RATES (pairs/s, e.g. "50,100,0.5x": 0.5x is half
 *                                              the closed loop's pairs/s), the same CLIENTS at that fixed offered rate
 *                                              (database vacuumed and checkpointed, 5 s to settle, then MEASURE_S
 *                                              measured)
 *   stock LINES                              : COPY of the same rows into the same tables (the ceiling), then one
 *                                              NDJSON upload of LINES cards, heap and RSS sampled every 250 ms
 */
public class CardLimitBench {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    static String base;
    /** the packaged app's management interface: health and metrics */
    static String management;
    static String token;
    static Process service;

    public static void main(String[] args) throws Exception {
        Path keys = Path.of(System.getenv("FS_KEYS_DIR"));
        token = "Bearer " + LocalTokens.mint(LocalKeys.loadOrCreate(keys).getPrivate(), "card-limit-service", "bank",
                "B102", "bench-teller", Duration.ofMinutes(55)); // within the services' 1 h maximum token lifetime
        String serviceToken = LocalTokens.mint(LocalKeys.loadOrCreate(keys).getPrivate(), "account-risk-service",
                "service", "CARDLIMIT", "card-limit-service", Duration.ofMinutes(55));
        HttpServer accountRisk = stubAccountRisk(serviceToken);
        try {
            startService(keys, accountRisk.getAddress().getPort());
            switch (args[0]) {
                case "reservations" -> reservations(Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                        Integer.parseInt(args[3]), args.length > 4 ? args[4] : "");
                case "stock" -> stock(Integer.parseInt(args[1]));
                default -> throw new IllegalArgumentException(args[0]);
            }
        } finally {
            if (service != null) {
                service.destroy();
                service.waitFor();
            }
            accountRisk.stop(0);
        }
        System.exit(0);
    }

    // ---------------- reservations ----------------

    /** Seconds each fixed rate runs before it is measured. */
    static final int SETTLE_SECONDS = 5;

    /**
     * Before the closed loop and each fixed rate (run.sh does the same before pgbench's): vacuum, analyse and a
     * checkpoint, so a phase is planned on the tables as they are and does not measure the database cleaning up
     * after the phase before it. Right after the saturation run the first rate, even
     * 5 s settled, waited on the database (most round trips over 10 ms; p99 160-225 ms at 50 pairs/s in three runs,
     * 9-20 ms at the same rate later in the same runs).
     */
    static void databaseCleanedUp() throws java.sql.SQLException {
        String url = "jdbc:postgresql://localhost:" + System.getenv("FS_POSTGRES_PORT") + "/cardlimit";
        try (java.sql.Connection owner = java.sql.DriverManager.getConnection(url, "postgres", "");
             var statement = owner.createStatement()) {
            statement.execute("vacuum analyze");
            statement.execute("checkpoint");
        }
    }

    static void reservations(int clients, int warmupSeconds, int measureSeconds, String rates) throws Exception {
        Result warmup = run(clients, warmupSeconds);
        System.out.printf("warm-up (tables not yet analysed): %.0f pairs/s%n", warmup.pairs / (double) warmupSeconds);
        // plans made on the empty tables the warm-up filled are not what a running database uses: analyse (which
        // makes the service's prepared statements plan again), as before every measured phase here and in run.sh
        databaseCleanedUp();
        long pairsFrom = System.currentTimeMillis();
        Result result = run(clients, measureSeconds);
        double saturation = result.pairs / (double) measureSeconds;
        System.out.printf("reservation+confirmation pairs/s: %.0f  (HTTP requests/s: %.0f, errors: %d)%n",
                saturation, 2 * saturation, result.errors);
        System.out.printf("reservation  latency ms: p50 %.2f  p99 %.2f  max %.2f%n", pct(result.reserve, 50),
                pct(result.reserve, 99), pct(result.reserve, 100));
        System.out.printf("confirmation latency ms: p50 %.2f  p99 %.2f  max %.2f%n", pct(result.confirm, 50),
                pct(result.confirm, 99), pct(result.confirm, 100));
        System.out.printf("pair         latency ms: p50 %.2f  p99 %.2f  max %.2f%n", pct(result.pair, 50),
                pct(result.pair, 99), pct(result.pair, 100));
        System.out.printf("RESULT pairs_per_s=%.0f reserve_p50_ms=%.2f reserve_p99_ms=%.2f confirm_p50_ms=%.2f confirm_p99_ms=%.2f"
                        + " pair_p50_ms=%.2f pair_p99_ms=%.2f%n", saturation, pct(result.reserve, 50), pct(result.reserve, 99),
                pct(result.confirm, 50), pct(result.confirm, 99), pct(result.pair, 50), pct(result.pair, 99));
        for (String rate : rates.isBlank() ? new String[0] : rates.split(",")) {
            double offered = rate.endsWith("x") ? Math.round(saturation * Double.parseDouble(rate.substring(0, rate.length() - 1)))
                    : Double.parseDouble(rate);
            databaseCleanedUp();
            fixedRate(clients, SETTLE_SECONDS, offered); // the service settles at the new rate first
            Result fixed = fixedRate(clients, measureSeconds, offered);
            System.out.printf("fixed rate %.0f pairs/s offered, %d clients: %.1f pairs/s done (errors %d, %d not started in time);"
                            + " from the scheduled start: reservation p50 %.2f p99 %.2f ms, pair p50 %.2f p99 %.2f ms;"
                            + " confirmation p50 %.2f p99 %.2f ms%n", offered, clients, fixed.pairs / (double) measureSeconds,
                    fixed.errors, fixed.dropped, pct(fixed.reserve, 50), pct(fixed.reserve, 99), pct(fixed.pair, 50),
                    pct(fixed.pair, 99), pct(fixed.confirm, 50), pct(fixed.confirm, 99));
            System.out.printf("RESULT rate=%.0f done_per_s=%.1f errors=%d dropped=%d reserve_p50_ms=%.2f reserve_p99_ms=%.2f"
                            + " confirm_p50_ms=%.2f confirm_p99_ms=%.2f pair_p50_ms=%.2f pair_p99_ms=%.2f%n", offered,
                    fixed.pairs / (double) measureSeconds, fixed.errors, fixed.dropped, pct(fixed.reserve, 50),
                    pct(fixed.reserve, 99), pct(fixed.confirm, 50), pct(fixed.confirm, 99), pct(fixed.pair, 50),
                    pct(fixed.pair, 99));
        }
        // the measured pairs' window, for a profile of the write path alone (JfrComponents)
        System.out.printf("RESULT pairs_from_ms=%d pairs_to_ms=%d%n", pairsFrom, System.currentTimeMillis());
        unauthenticatedCeiling(clients, 10);
    }

    /**
     * The HTTP ceiling: the same route's 401 (no token), which runs the HTTP server, routing and the authentication
     * check and nothing of the feature. With wrk when installed (less CPU per request than this JVM's client).
     */
    static void unauthenticatedCeiling(int clients, int seconds) throws Exception {
        String opening = "{\"customer\":{\"type\":\"RESIDENT_ID\",\"number\":\"" + TestPeople.residentId()
                + "\"},\"accountClass\":\"CLASS_II\",\"card\":\"DEBIT_CARD\",\"channel\":\"COUNTER\"}";
        int status = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/v1/slot-reservations"))
                .header("Content-Type", "application/json").header("Idempotency-Key", "bench")
                .POST(HttpRequest.BodyPublishers.ofString(opening)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 401) {
            throw new IllegalStateException("expected 401 without a token, got " + status);
        }
        if (new ProcessBuilder("sh", "-c", "command -v wrk").start().waitFor() == 0) {
            Path script = Files.createTempFile("unauthenticated", ".lua");
            Files.writeString(script, "wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\n"
                    + "wrk.headers[\"Idempotency-Key\"] = \"bench\"\nwrk.body = '" + opening + "'\n");
            Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + clients, "-d" + seconds + "s", "-s", script.toString(),
                    base + "/v1/slot-reservations").redirectErrorStream(true).start();
            String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            wrk.waitFor();
            Files.delete(script);
            Matcher rate = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(out);
            if (!out.contains("Non-2xx or 3xx responses") || !rate.find()) {
                throw new IllegalStateException("wrk: " + out);
            }
            System.out.printf("unauthenticated 401 of POST /v1/slot-reservations (wrk, %d connections, %d s): %.0f requests/s%n",
                    clients, seconds, Double.parseDouble(rate.group(1)));
            System.out.printf("RESULT unauthenticated_401_per_s=%.0f%n", Double.parseDouble(rate.group(1)));
            return;
        }
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Long>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                long n = 0;
                while (!stop.get()) {
                    HttpResponse<Void> refused = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/v1/slot-reservations"))
                            .header("Content-Type", "application/json").header("Idempotency-Key", "bench")
                            .POST(HttpRequest.BodyPublishers.ofString(opening)).build(), HttpResponse.BodyHandlers.discarding());
                    if (refused.statusCode() != 401) {
                        throw new IllegalStateException("expected 401, got " + refused.statusCode());
                    }
                    n++;
                }
                return n;
            }));
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        long total = 0;
        for (Future<Long> future : futures) {
            total += future.get();
        }
        pool.shutdown();
        System.out.printf("unauthenticated 401 of POST /v1/slot-reservations (JDK client, %d clients, %d s): %.0f requests/s%n",
                clients, seconds, total / (double) seconds);
        System.out.printf("RESULT unauthenticated_401_per_s=%.0f%n", total / (double) seconds);
    }

    record Result(long pairs, long errors, long dropped, double[] reserve, double[] confirm, double[] pair) {
    }

    /** One pair for a new customer: nanoTime when the reservation and the confirmation were answered, or null. */
    static long[] pair() throws IOException, InterruptedException {
        String opening = "{\"customer\":{\"type\":\"RESIDENT_ID\",\"number\":\"" + TestPeople.residentId()
                + "\"},\"accountClass\":\"CLASS_II\",\"card\":\"DEBIT_CARD\",\"channel\":\"COUNTER\"}";
        HttpResponse<String> held = post("/v1/slot-reservations", opening);
        long reserved = System.nanoTime();
        Matcher id = ID.matcher(held.body());
        if (held.statusCode() != 201 || !id.find()) {
            return null;
        }
        HttpResponse<String> card = post("/v1/slot-reservations/" + id.group(1) + "/confirmation",
                "{\"cardNumber\":\"" + TestPeople.cardNumber() + "\"}");
        return card.statusCode() == 200 ? new long[] {reserved, System.nanoTime()} : null;
    }

    /** Closed loop: each client starts its next pair when its last one is answered. */
    static Result run(int clients, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        return clients(clients, () -> {
            Latencies latencies = new Latencies();
            while (System.nanoTime() < end) {
                long start = System.nanoTime();
                latencies.add(start, pair());
            }
            return latencies;
        });
    }

    /**
     * Fixed offered rate, without coordinated omission: each client's pairs arrive at random (Poisson, as pgbench
     * --rate) at rate / clients, and a pair's latency runs from its scheduled start, so a pair that had to wait for the
     * client's previous one counts its wait. Arrivals not started within 5 s after the window are counted as dropped.
     */
    static Result fixedRate(int clients, int seconds, double rate) throws Exception {
        long begin = System.nanoTime();
        long end = begin + seconds * 1_000_000_000L;
        double meanGapNanos = clients * 1e9 / rate;
        return clients(clients, () -> {
            java.util.Random random = new java.util.Random();
            Latencies latencies = new Latencies();
            long scheduled = begin + (long) (-Math.log(1 - random.nextDouble()) * meanGapNanos);
            while (scheduled < end) {
                long now = System.nanoTime();
                if (now > end + 5_000_000_000L) {
                    latencies.dropped++;
                } else {
                    if (scheduled > now) {
                        java.util.concurrent.locks.LockSupport.parkNanos(scheduled - now);
                    }
                    latencies.add(scheduled, pair());
                }
                scheduled += (long) (-Math.log(1 - random.nextDouble()) * meanGapNanos);
            }
            return latencies;
        });
    }

    static final class Latencies {
        final List<Long> reserve = new ArrayList<>();
        final List<Long> confirm = new ArrayList<>();
        final List<Long> pair = new ArrayList<>();
        long errors;
        long dropped;

        void add(long start, long[] answered) {
            if (answered == null) {
                errors++;
                return;
            }
            reserve.add(answered[0] - start);
            confirm.add(answered[1] - answered[0]);
            pair.add(answered[1] - start);
        }
    }

    static Result clients(int clients, java.util.concurrent.Callable<Latencies> client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Latencies>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(client));
        }
        List<Long> reserve = new ArrayList<>();
        List<Long> confirm = new ArrayList<>();
        List<Long> pair = new ArrayList<>();
        long errors = 0;
        long dropped = 0;
        for (Future<Latencies> future : futures) {
            Latencies l = future.get();
            reserve.addAll(l.reserve);
            confirm.addAll(l.confirm);
            pair.addAll(l.pair);
            errors += l.errors;
            dropped += l.dropped;
        }
        pool.shutdown();
        return new Result(reserve.size(), errors, dropped, sortedMillis(reserve), sortedMillis(confirm), sortedMillis(pair));
    }

    static HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", token)
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
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

    // ---------------- stock upload ----------------

    static void stock(int lines) throws Exception {
        Path file = Files.createTempFile("stock-", ".ndjson");
        CopyRows copy = new CopyRows();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            String customer = TestPeople.residentId();
            for (int i = 0; i < lines; i++) {
                if (i % 3 == 0) {
                    customer = TestPeople.residentId();  // about 3 cards per customer
                    copy.person();
                }
                boolean card = i % 10 != 0;
                boolean closed = i % 7 == 0;
                String number = TestPeople.cardNumber();
                out.write("{\"customer\":{\"type\":\"RESIDENT_ID\",\"number\":\"" + customer + "\"},\"accountClass\":\"CLASS_II\""
                        + (card ? ",\"card\":\"DEBIT_CARD\"" : "") + ",\"cardNumber\":\""
                        + number + "\",\"state\":\"" + (closed ? "CLOSED" : "ACTIVE") + "\"}\n");
                copy.card(i + 1, card, closed, number);
            }
        }
        copy.close();
        double copySeconds = copy.timeCopy();
        System.out.printf("COPY ceiling: the same rows (%d person_link, %d person_anchor, %d card_slot, %d audit_event)"
                        + " into the same tables in one transaction (rolled back, then vacuumed): %.1f s (%.0f lines/s)%n",
                copy.persons, copy.persons, lines, lines, copySeconds, lines / copySeconds);
        long bytes = Files.size(file);
        long[] maxHeap = {0};
        long[] maxRss = {0};
        AtomicBoolean done = new AtomicBoolean();
        Thread sampler = new Thread(() -> {
            while (!done.get()) {
                maxHeap[0] = Math.max(maxHeap[0], heapUsed());
                maxRss[0] = Math.max(maxRss[0], rssKb() * 1024);
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long heapBefore = heapUsed();
        long rssBefore = rssKb() * 1024;
        sampler.start();
        long t0 = System.nanoTime();
        // two steps: the upload's id at once (202 + Location), then its lines with the same key
        String key = UUID.randomUUID().toString();
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/v1/stock-uploads"))
                .header("Authorization", token).header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"mode\":\"INCREMENTAL\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        String upload = URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + upload + "/lines"))
                .header("Authorization", token).header("Content-Type", "application/x-ndjson")
                .header("Idempotency-Key", key)
                .timeout(Duration.ofMinutes(60)).PUT(HttpRequest.BodyPublishers.ofFile(file)).build(),
                HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - t0) / 1e9;
        done.set(true);
        sampler.join();
        Files.delete(file);
        String summary = response.body();
        System.out.println("HTTP " + response.statusCode() + " " + summary.substring(0, Math.min(400, summary.length())));
        System.out.printf("stock upload: %d lines, %.1f MB in %.1f s (%.0f lines/s) = %.0f %% of COPY%n", lines,
                bytes / 1e6, seconds, lines / seconds, 100 * copySeconds / seconds);
        System.out.printf("heap used: before %d MB, max during upload %d MB (-Xmx512m); RSS before %d MB, max %d MB%n",
                heapBefore >> 20, maxHeap[0] >> 20, rssBefore >> 20, maxRss[0] >> 20);
        System.out.printf("RESULT lines=%d copy_seconds=%.1f copy_lines_per_s=%.0f seconds=%.1f lines_per_s=%.0f"
                        + " ratio_pct=%.0f body_mb=%.0f heap_max_mb=%d rss_max_mb=%d%n", lines, copySeconds,
                lines / copySeconds, seconds, lines / seconds, 100 * copySeconds / seconds, bytes / 1e6,
                maxHeap[0] >> 20, maxRss[0] >> 20);
        printTableScans();
    }

    /**
     * How the upload reached the tables it grew: a statement planned while a table was empty can keep scanning it
     * whole as it grows (sequential rows read far above the table's size show it); autoanalyze refreshes the plans.
     */
    static void printTableScans() throws Exception {
        Thread.sleep(1_000); // table statistics arrive shortly after each transaction
        String url = "jdbc:postgresql://localhost:" + System.getenv("FS_POSTGRES_PORT") + "/cardlimit";
        try (java.sql.Connection owner = java.sql.DriverManager.getConnection(url, "postgres", "");
             var rows = owner.createStatement().executeQuery("select relname, n_live_tup, seq_scan, seq_tup_read,"
                     + " idx_scan, autoanalyze_count from pg_stat_user_tables where relname in ('card_slot',"
                     + " 'person_link', 'person_anchor', 'audit_event', 'audit_head') order by relname")) {
            while (rows.next()) {
                System.out.printf("table %-14s rows %,10d  sequential scans %,6d reading %,14d rows  index scans %,9d"
                                + "  autoanalyzed %d times%n", rows.getString(1), rows.getLong(2), rows.getLong(3),
                        rows.getLong(4), rows.getLong(5), rows.getLong(6));
            }
        }
    }

    /**
     * The ceiling of a stock upload: the rows it writes — a person_link and a person_anchor per new customer, a
     * card_slot and its audit_event per line — loaded by PostgreSQL COPY into the same tables (same indexes) with
     * the service's database role, in one transaction that is then rolled back (and the tables vacuumed), so the
     * upload that follows starts from the same tables. References, ids, hashes and seals have the service's shapes
     * and lengths; the audit heads are not moved (COPY cannot), which the service must do per event.
     */
    static final class CopyRows {
        final Path dir;
        final BufferedWriter links;
        final BufferedWriter anchors;
        final BufferedWriter cards;
        final BufferedWriter events;
        final java.util.Random random = new java.util.Random(7);
        final String upload = UUID.randomUUID().toString();
        final String now = java.time.Instant.now().toString();
        int persons;
        String customerRef;

        CopyRows() throws IOException {
            dir = Files.createTempDirectory("stock-copy-");
            links = Files.newBufferedWriter(dir.resolve("person_link"));
            anchors = Files.newBufferedWriter(dir.resolve("person_anchor"));
            cards = Files.newBufferedWriter(dir.resolve("card_slot"));
            events = Files.newBufferedWriter(dir.resolve("audit_event"));
        }

        void person() throws IOException {
            persons++;
            customerRef = ref();
            String person = UUID.randomUUID().toString();
            links.write(customerRef + "\t" + person + "\n");
            anchors.write("B102\t" + person + "\n");
        }

        void card(long line, boolean card, boolean closed, String number) throws IOException {
            String id = UUID.randomUUID().toString();
            cards.write(String.join("\t", id, "B102", customerRef, "CLASS_II", card ? "DEBIT_CARD" : "\\N",
                    closed ? "CLOSED" : "ACTIVE", ref(), number.substring(0, 6), number.substring(number.length() - 4),
                    "STOCK", upload, Long.toString(line), "bench-teller", now, now, closed ? now : "\\N") + "\n");
            events.write(String.join("\t", Long.toString(line % 16), Long.toString(1_000_000_000_000L + line), now,
                    "bench-teller", "bank", "B102", "card.stock-registered", "存量清理 (docs/rules.md A1)", "card", id,
                    "\\N", hex(), hex(), hex(), "bench1." + hex()) + "\n");
        }

        String ref() {
            byte[] digest = new byte[32];
            random.nextBytes(digest);
            return "bench1." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        }

        String hex() {
            return Long.toHexString(random.nextLong() | Long.MIN_VALUE).repeat(4);
        }

        void close() throws IOException {
            links.close();
            anchors.close();
            cards.close();
            events.close();
        }

        /** Seconds to COPY every row into the service's tables, as the service's database role. */
        double timeCopy() throws Exception {
            String url = "jdbc:postgresql://localhost:" + System.getenv("FS_POSTGRES_PORT") + "/cardlimit";
            double seconds;
            try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url, "cardlimit_runtime",
                    "cardlimit_runtime")) {
                connection.setAutoCommit(false);
                org.postgresql.copy.CopyManager copy = connection.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
                long t0 = System.nanoTime();
                copy(copy, "person_link (person_ref, person_id)", "person_link");
                copy(copy, "person_anchor (bank, person_ref)", "person_anchor");
                copy(copy, "card_slot (id, bank, customer_ref, account_class, card_category, state, card_ref, card_bin,"
                        + " card_last4, source, stock_upload, stock_line, created_by, created_at, confirmed_at, ended_at)",
                        "card_slot");
                copy(copy, "audit_event (chain, seq, occurred_at, actor, role, participant, action, legal_basis,"
                        + " object_type, object_id, before_digest, after_digest, prev_hash, hash, seal)", "audit_event");
                try (var statement = connection.createStatement()) {
                    statement.execute("select 1"); // the last COPY's rows are in before the clock stops
                }
                seconds = (System.nanoTime() - t0) / 1e9;
                connection.rollback();
            }
            try (java.sql.Connection owner = java.sql.DriverManager.getConnection(url, "postgres", "");
                 var statement = owner.createStatement()) {
                statement.execute("vacuum analyze person_link, person_anchor, card_slot, audit_event");
            }
            for (String table : List.of("person_link", "person_anchor", "card_slot", "audit_event")) {
                Files.delete(dir.resolve(table));
            }
            Files.delete(dir);
            return seconds;
        }

        private void copy(org.postgresql.copy.CopyManager copy, String target, String file) throws Exception {
            try (var in = Files.newInputStream(dir.resolve(file))) {
                copy.copyIn("copy " + target + " from stdin", in);
            }
        }
    }

    static long heapUsed() {
        try {
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(management + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            long sum = 0;
            Matcher m = Pattern.compile("jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.E+]+)").matcher(metrics);
            while (m.find()) {
                sum += (long) Double.parseDouble(m.group(1));
            }
            return sum;
        } catch (IOException | InterruptedException e) {
            return 0;
        }
    }

    static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + service.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            // process gone
        }
        return 0;
    }

    // ---------------- set-up ----------------

    /** account-risk-service's endpoints, and the identity provider's token endpoint on the same server. */
    static HttpServer stubAccountRisk(String serviceToken) throws IOException {
        // without TCP_NODELAY the JDK server's replies stall on delayed ACKs (~40 ms each)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.createContext("/v1/person-restrictions/", exchange -> {
            byte[] body = "{\"restricted\":false,\"measures\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/idp/token", exchange -> {
            byte[] body = ("{\"access_token\":\"" + serviceToken + "\",\"token_type\":\"Bearer\",\"expires_in\":3300}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/v1/person-markers", exchange -> {
            exchange.sendResponseHeaders(201, -1);
            exchange.close();
        });
        // an empty change feed: the service's restriction mirror is in step, so openings make no look-up
        server.createContext("/v1/marker-events", exchange -> {
            byte[] body = "{\"events\":[],\"next\":0,\"head\":0}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        return server;
    }

    static void startService(Path keys, int accountRiskPort) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        // the bank's opening-decision bucket (production tiers allow a few hundred a minute) must not be what is measured
        List<String> command = new ArrayList<>(List.of("java", "-Xmx512m", "-Dcardlimit.opening-rate.default-tier=bench",
                "-Dcardlimit.opening-rate.tiers.bench.bucket-size=1000000000",
                "-Dcardlimit.opening-rate.tiers.bench.refill-per-minute=1000000000"));
        // run.sh passes the same lease size to pair.sql
        if (System.getenv("BENCH_LEASE") != null) {
            command.add("-Dcardlimit.opening-rate.lease-size=" + System.getenv("BENCH_LEASE"));
        }
        // e.g. BENCH_JFR=/tmp/service.jfr: a JFR profile of the service for the whole run (run.sh summarises it)
        if (System.getenv("BENCH_JFR") != null) {
            command.add("-XX:StartFlightRecording=filename=" + System.getenv("BENCH_JFR") + ",settings=profile");
        }
        command.addAll(List.of("-jar", "card-limit-service/target/quarkus-app/quarkus-run.jar"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(Path.of(System.getenv("BENCH_LOG")).toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        try (ServerSocket socket = new ServerSocket(0)) {
            management = "http://127.0.0.1:" + socket.getLocalPort();
            env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(socket.getLocalPort()));
        }
        env.put("DB_URL", "jdbc:postgresql://localhost:" + System.getenv("FS_POSTGRES_PORT") + "/cardlimit");
        env.put("DB_USER", "cardlimit_runtime");
        env.put("DB_PASSWORD", "cardlimit_runtime");
        // one process migrates (as prod's migrate init container) and serves: fine for a local bench
        env.put("DB_MIGRATE", "true");
        env.put("DB_OWNER_USER", "cardlimit_owner");
        env.put("DB_OWNER_PASSWORD", "cardlimit_owner");
        env.put("JWT_ISSUER", LocalTokens.ISSUER);
        env.put("JWT_AUDIENCE", "card-limit-service");
        env.put("SERVICE_TOKEN_ENDPOINT", "http://127.0.0.1:" + accountRiskPort + "/idp/token");
        env.put("SERVICE_CLIENT_ID", "card-limit-service");
        env.put("SERVICE_CLIENT_SECRET", "bench-client-secret");
        env.put("JWT_PUBLIC_KEY_LOCATION", keys.resolve(LocalKeys.PUBLIC_KEY_FILE).toAbsolutePath().toString());
        env.put("PSEUDONYM_ACTIVE_KEY_ID", "bench1");
        env.put("FRAUDSHIELD_PSEUDONYM_KEYS_BENCH1", "YmVuY2htYXJrLWtleS1ub3QtYS1zZWNyZXQtMDAwMDAwMDE=");
        env.put("AUDIT_ACTIVE_KEY_ID", "bench1");
        env.put("FRAUDSHIELD_AUDIT_KEYS_BENCH1", "YmVuY2htYXJrLWF1ZGl0LWtleS1ub3QtYS1zZWNyZXQtMDAwMDAwMDAwMDAx");
        env.put("ACCOUNT_RISK_URL", "http://127.0.0.1:" + accountRiskPort);
        service = builder.start();
        long deadline = System.currentTimeMillis() + 60_000;
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
                throw new IllegalStateException("card-limit-service exited; see " + System.getenv("BENCH_LOG"));
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("card-limit-service not ready");
    }
}
