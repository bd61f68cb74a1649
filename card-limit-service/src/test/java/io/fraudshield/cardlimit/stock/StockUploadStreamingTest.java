package io.fraudshield.cardlimit.stock;

import io.fraudshield.cardlimit.BankClient;
import io.fraudshield.localstack.TestPeople;
import io.fraudshield.localstack.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The upload's id comes at once, its progress is visible while the lines stream, a bank has at most N uploads
 * receiving (test config: 1), a replica at most M of any bank (test config: 2), and a stream that goes silent is aborted (test config: read timeout 4 s).
 */
@QuarkusTest
class StockUploadStreamingTest {

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
            assertEquals(200, lines.finish());
        }
        bank.request().get(upload).then().body("state", equalTo("COMPLETED")).body("linesRead", equalTo(4))
                .body("linesAccepted", equalTo(4));
        // the lines of an upload are sent once
        bank.request().header("Idempotency-Key", key).contentType("application/x-ndjson").body(line().getBytes(StandardCharsets.UTF_8))
                .put(upload + "/lines").then().statusCode(409);
        bank.upload(line()).then().statusCode(200);
    }

    @Test
    void aReplicaReceivesAtMostItsNumberOfUploadsWhateverTheirBanks() throws Exception {
        BankClient first = BankClient.of("B318");
        String firstKey = UUID.randomUUID().toString();
        String firstUpload = first.createUpload(firstKey, "INCREMENTAL");
        BankClient second = BankClient.of("B319");
        String secondKey = UUID.randomUUID().toString();
        String secondUpload = second.createUpload(secondKey, "INCREMENTAL");
        try (Stream one = Stream.open("B318", firstUpload, firstKey)) {
            one.send(line());
            awaitReceiving(first, firstUpload);
            try (Stream two = Stream.open("B319", secondUpload, secondKey)) {
                two.send(line());
                awaitReceiving(second, secondUpload);
                one.send(line());

                // a third bank's lines wait for a place on this replica, and its upload stays as it was
                BankClient third = BankClient.of("B320");
                String thirdKey = UUID.randomUUID().toString();
                String thirdUpload = third.createUpload(thirdKey, "INCREMENTAL");
                third.request().header("Idempotency-Key", thirdKey).contentType("application/x-ndjson")
                        .body(line().getBytes(StandardCharsets.UTF_8)).put(thirdUpload + "/lines").then().statusCode(429)
                        .header("Retry-After", equalTo("30")).contentType("application/problem+json")
                        .body("type", equalTo("https://fraudshield.io/problems/too-many-requests"))
                        .body("detail", containsString("on this replica"));
                third.request().get(thirdUpload).then().body("state", equalTo("CREATED")).body("linesRead", equalTo(0));

                assertEquals(200, two.finish());
                // one place is free again
                third.request().header("Idempotency-Key", thirdKey).contentType("application/x-ndjson")
                        .body(line().getBytes(StandardCharsets.UTF_8)).put(thirdUpload + "/lines").then().statusCode(200)
                        .body("state", equalTo("COMPLETED"));
            }
            assertEquals(200, one.finish());
        }
    }

    @Test
    void anUploadThatGoesSilentIsAbortedAndFreesItsPlace() throws Exception {
        BankClient bank = BankClient.of("B317");
        String key = UUID.randomUUID().toString();
        String upload = bank.createUpload(key, "INCREMENTAL");
        try (Stream lines = Stream.open("B317", upload, key)) {
            lines.send(line());
            // nothing more: the read timeout (4 s in tests, 60 s by default) aborts the upload
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

    /** Waits until the upload counts as receiving (its place taken), whatever progress it has written. */
    private static void awaitReceiving(BankClient bank, String upload) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!"RECEIVING".equals(bank.request().get(upload).then().extract().path("state"))) {
            assertTrue(System.nanoTime() < deadline, "the upload never started receiving");
            Thread.sleep(50);
        }
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

    /**
     * A chunked PUT of lines written as the test goes, on a plain socket: every chunk is on the wire when
     * {@link #send} returns (no client library buffering or pacing the body).
     */
    private record Stream(Socket socket, OutputStream out) implements AutoCloseable {

        static Stream open(String bank, String upload, String key) throws IOException {
            Socket socket = new Socket("localhost", RestAssured.port);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PUT " + upload + "/lines HTTP/1.1\r\nHost: localhost:" + RestAssured.port + "\r\n"
                    + "Authorization: Bearer " + TestTokens.token("bank", bank, bank.toLowerCase() + "-teller") + "\r\n"
                    + "Idempotency-Key: " + key + "\r\nContent-Type: application/x-ndjson\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new Stream(socket, out);
        }

        void send(String text) throws IOException {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        /** Ends the body; the status code of the answer. */
        int finish() throws IOException {
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
