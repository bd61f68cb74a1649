package io.fraudshield.cardlimit.restriction;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Not a test: measures the heap one restricted person costs in the mirror (bench/card-limit/mirror-memory.sh).
 * Fills a {@link MirrorState} through its feed path with N persons whose references look like real ones
 * ({@code dev1.} + 43 base64url characters) and prints the heap used after a full GC, before and after.
 */
public final class MirrorMemoryProbe {

    private MirrorMemoryProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        int persons = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        SecureRandom random = new SecureRandom();
        Instant until = Instant.now().plusSeconds(730L * 86_400);
        List<FeedPage.Measure> measures = List.of(new FeedPage.Measure("NO_NEW_ACCOUNTS", until),
                new FeedPage.Measure("NON_COUNTER_SUSPENDED", until));
        long before = usedAfterGc();
        MirrorState state = new MirrorState();
        long seq = 0;
        while (seq < persons) {
            long after = state.askAfter();
            List<FeedPage.Entry> page = new ArrayList<>(1000);
            if (seq > 0) {
                page.add(new FeedPage.Entry(seq, "RESTRICTION", lastId, "PERSON", lastRef, "RESTRICTED", measures));
            }
            while (page.size() < 1000 && seq < persons) {
                byte[] digest = new byte[32];
                random.nextBytes(digest);
                lastRef = "dev1." + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
                lastId = UUID.randomUUID();
                page.add(new FeedPage.Entry(++seq, "RESTRICTION", lastId, "PERSON", lastRef, "RESTRICTED", measures));
            }
            state.apply(after, new FeedPage(page, seq, seq));
        }
        long afterFill = usedAfterGc();
        System.out.printf("persons %,d  heap %,d bytes  %.0f bytes per person  (sample ref length %d)%n",
                state.persons(), afterFill - before, (afterFill - before) / (double) state.persons(), lastRef.length());
    }

    private static String lastRef;
    private static UUID lastId;

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
