package io.fraudshield.accountrisk.feed;

import io.fraudshield.accountrisk.ParticipantClient;
import io.fraudshield.accountrisk.ParticipantClient.Account;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ChangeFeedTest {

    static final ParticipantClient POLICE = ParticipantClient.police("GA3301");
    static final ParticipantClient MIRROR = ParticipantClient.service("CARDLIMIT");

    @Test
    void aReaderPollingWhileSixteenWritersCommitSeesEveryChangeOnceAndInOrder() throws Exception {
        long start = MIRROR.request().get("/v1/marker-events?after=0&limit=1").then().statusCode(200)
                .extract().<Number>path("next").longValue();
        long head = lastSeq(start);
        int writers = 16;
        int perWriter = 6;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        try {
            CountDownLatch go = new CountDownLatch(1);
            AtomicBoolean writing = new AtomicBoolean(true);
            List<Future<?>> writes = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                writes.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perWriter; i++) {
                        POLICE.markAccount(Account.fresh(), "HIGH_RISK", "GREY").then().statusCode(201);
                    }
                    return null;
                }));
            }
            List<String> headsNotOfThePage = new java.util.concurrent.CopyOnWriteArrayList<>();
            Future<List<Long>> reader = pool.submit(() -> {
                List<Long> seen = new ArrayList<>();
                long cursor = head;
                go.await();
                while (writing.get() || cursor < head + (long) writers * perWriter) {
                    JsonPath page = MIRROR.request().get("/v1/marker-events?after=" + cursor + "&limit=7")
                            .then().statusCode(200).extract().jsonPath();
                    List<Long> events = page.getList("events.seq", Long.class);
                    seen.addAll(events);
                    cursor = page.getLong("next");
                    // head from the page's own snapshot: a short page ends at the head, a full one at or before it
                    if (events.size() < 7 ? page.getLong("head") != cursor : page.getLong("head") < cursor) {
                        headsNotOfThePage.add(page.prettify());
                    }
                }
                return seen;
            });
            go.countDown();
            for (Future<?> write : writes) {
                write.get();
            }
            writing.set(false);
            List<Long> seen = reader.get();
            assertEquals(List.of(), headsNotOfThePage, "head read in the page's snapshot");
            assertEquals(writers * perWriter, seen.size(), "every change seen exactly once");
            for (int i = 0; i < seen.size(); i++) {
                assertEquals(head + 1 + i, seen.get(i), "no gap and no reordering at position " + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theFeedCarriesTheKeyedSubjectAndRefusesBadCursors() {
        POLICE.markAccount(Account.fresh(), "HIGH_RISK", "GREY").then().statusCode(201);
        long last = lastSeq(0);
        MIRROR.request().get("/v1/marker-events?after=" + (last - 1) + "&limit=10").then().statusCode(200)
                .body("events[0].seq", equalTo((int) last)).body("events[0].objectType", equalTo("MARKER"))
                .body("events[0].category", equalTo("HIGH_RISK")).body("next", equalTo((int) last))
                .body("events[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("measures")))
                .body("head", org.hamcrest.Matchers.greaterThanOrEqualTo((int) last));
        String ref = MIRROR.request().get("/v1/marker-events?after=" + (last - 1)).then().extract().path("events[0].subjectRef");
        assertTrue(ref.startsWith("dev1."));
        MIRROR.request().get("/v1/marker-events?after=-1").then().statusCode(400);
        MIRROR.request().get("/v1/marker-events?limit=1001").then().statusCode(400);
        ParticipantClient auditor = new ParticipantClient("auditor", "AUD01", "auditor");
        auditor.request().get("/v1/marker-events").then().statusCode(403);
    }

    @Test
    void onlyCardLimitServiceReadsTheFeed() {
        for (ParticipantClient other : List.of(ParticipantClient.bank("B102"), ParticipantClient.platform("PAY001"), POLICE,
                ParticipantClient.regulator("PBOC"), ParticipantClient.service("STOPPAY"))) {
            other.request().get("/v1/marker-events?after=0&limit=1").then().statusCode(403)
                    .contentType("application/problem+json");
        }
        MIRROR.request().get("/v1/marker-events?after=0&limit=1").then().statusCode(200);
    }

    private static long lastSeq(long from) {
        long cursor = from;
        while (true) {
            long next = MIRROR.request().get("/v1/marker-events?after=" + cursor + "&limit=1000").then().statusCode(200)
                    .extract().<Number>path("next").longValue();
            if (next == cursor) {
                return cursor;
            }
            cursor = next;
        }
    }
}
