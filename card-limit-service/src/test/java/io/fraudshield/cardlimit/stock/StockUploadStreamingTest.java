package io.fraudshield.cardlimit.stock;

import io.fraudshield.cardlimit.BankClient;
import io.fraudshield.localstack.TestPeople;
import io.fraudshield.localstack.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The upload's id comes at once, its progress is visible while the lines stream, a bank has at most N uploads
 * receiving (test config: 1), and a stream that goes silent is aborted (test config: read timeout 3 s).
 */
@QuarkusTest
class StockUploadStreamingTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void theIdComesAtOnceAndProgressIsVisibleWhileTheLinesStream() throws Exception {
        BankClient bank = BankClient.of("B314");
        String key = UUID.randomUUID().toString();
        var created = bank.request().header("Idempotency-Key", key).body("{}").post("/v1/stock-uploads")
                .then().statusCode(202).body("state", equalTo("CREATED")).body("mode", equalTo("INCREMENTAL"))
                .header("Idempotent-Replayed", nullValue()).extract();
        String upload = URI.create(created.header("Location")).getPath();
        assertEquals("/v1/stock-uploads/" + created.path("id"), upload);
        bank.request().header("Idempotency-Key", key).body("{}").post("/v1/stock-uploads").then().statusCode(202)
                .header("Idempotent-Replayed", equalTo("true")).body("id", equalTo(created.path("id")));
        bank.request().body("{}").post("/v1/stock-uploads").then().statusCode(400)
                .body("type", equalTo("https://fraudshield.io/problems/idempotency-key-missing"));
        bank.request().header("Idempotency-Key", "another-key").contentType("application/x-ndjson").body("\n".getBytes(StandardCharsets.UTF_8))
                .put(upload + "/lines").then().statusCode(409);

        try (Stream lines = Stream.open("B314", upload, key)) {
            lines.send(line());
            lines.send(line());
            Thread.sleep(StockUploadService.PROGRESS_EVERY.toMillis() + 300);
            lines.send(line());
            awaitState(bank, upload, "RECEIVING", 3);
            bank.request().get(upload).then().body("linesAccepted", equalTo(3));

            // a second upload of the same bank waits its turn; another bank does not
            bank.upload(line()).then().statusCode(429).header("Retry-After", equalTo("30"))
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://fraudshield.io/problems/too-many-requests"));
            BankClient.of("B315").upload(line()).then().statusCode(200).body("state", equalTo("COMPLETED"));

            lines.send(line());
            HttpResponse<String> answer = lines.finish();
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("\"linesAccepted\":4"), answer.body());
        }
        bank.request().get(upload).then().body("state", equalTo("COMPLETED")).body("linesRead", equalTo(4));
        // the lines of an upload are sent once
        bank.request().header("Idempotency-Key", key).contentType("application/x-ndjson").body(line().getBytes(StandardCharsets.UTF_8))
                .put(upload + "/lines").then().statusCode(409);
        bank.upload(line()).then().statusCode(200);
    }

    @Test
    void anUploadThatGoesSilentIsAbortedAndFreesItsPlace() throws Exception {
        BankClient bank = BankClient.of("B317");
        String key = UUID.randomUUID().toString();
        String upload = bank.createUpload(key, "INCREMENTAL");
        try (Stream lines = Stream.open("B317", upload, key)) {
            lines.send(line());
            // nothing more: the read timeout (3 s in tests, 60 s by default) aborts the upload
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!"FAILED".equals(bank.request().get(upload).then().extract().path("state"))) {
                assertTrue(System.nanoTime() < deadline, "the silent upload was never aborted");
                Thread.sleep(200);
            }
            bank.request().get(upload).then().body("failure", containsString("read timeout"));
        }
        // its place is free again
        bank.upload(line()).then().statusCode(200).body("state", equalTo("COMPLETED"));
        bank.request().get(upload).then().body("state", not(equalTo("COMPLETED")));
    }

    private static void awaitState(BankClient bank, String upload, String state, int linesRead) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            var view = bank.request().get(upload).then().extract().jsonPath();
            if (state.equals(view.getString("state")) && view.getInt("linesRead") == linesRead) {
                return;
            }
            assertTrue(System.nanoTime() < deadline, "no progress: " + view.prettify());
            Thread.sleep(100);
        }
    }

    private static String line() {
        return StockUploadTest.line(TestPeople.residentId(), "CLASS_II", "DEBIT_CARD", TestPeople.cardNumber(), "ACTIVE") + "\n";
    }

    /** A chunked PUT of lines written as the test goes. */
    private record Stream(OutputStream out, CompletableFuture<HttpResponse<String>> response) implements AutoCloseable {

        static Stream open(String bank, String upload, String key) throws IOException {
            PipedInputStream in = new PipedInputStream(64 * 1024);
            PipedOutputStream out = new PipedOutputStream(in);
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + upload + "/lines"))
                    .header("Authorization", "Bearer " + TestTokens.token("bank", bank, bank.toLowerCase() + "-teller"))
                    .header("Idempotency-Key", key).header("Content-Type", "application/x-ndjson")
                    .timeout(Duration.ofSeconds(60))
                    .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> in)).build();
            return new Stream(out, HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }

        void send(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        HttpResponse<String> finish() throws Exception {
            out.close();
            return response.get(60, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
