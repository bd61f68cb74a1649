package io.fraudshield.cardlimit.slot;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.fraudshield.cardlimit.slot.PlanProbe.execute;
import static io.fraudshield.cardlimit.slot.PlanProbe.onConnection;
import static io.fraudshield.cardlimit.slot.PlanProbe.sequentialScansOfLinks;
import static io.fraudshield.cardlimit.slot.PlanProbe.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stock batch locks its link rows by index whatever the planner thinks of {@code person_link}: a plan that scanned
 * the table once a batch made a million-line upload read it 433 times whole. Index scans are made to look
 * prohibitively dear here (transaction-local {@code random_page_cost}), as stale or missing statistics can make them
 * look; the batch's lock must still not scan, must still find the person's other references, and must leave the
 * transaction's planner settings as they were.
 */
@QuarkusTest
class PersonLinkBatchPlanTest {

    @Inject
    EntityManager entityManager;

    @Test
    void aBatchLocksItsLinksByIndexEvenWhenTheStatisticsFavourAScan() {
        String known = "plan-test-" + UUID.randomUUID();
        String otherDocument = "plan-test-" + UUID.randomUUID();
        String fresh = "plan-test-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> onConnection(entityManager, connection -> {
            execute(connection, "insert into person_link (person_ref, person_id) values ('" + known + "', '"
                    + UUID.randomUUID() + "')");
            execute(connection, "insert into person_link (person_ref, person_id) select '" + otherDocument
                    + "', person_id from person_link where person_ref = '" + known + "'");
        }));
        QuarkusTransaction.requiringNew().run(() -> {
            long[] scans = new long[2];
            onConnection(entityManager, connection -> {
                execute(connection, "set local random_page_cost = 100000");
                scans[0] = sequentialScansOfLinks(connection);
            });
            PersonLinkBatch batch = PersonLinkBatch.lock(entityManager,
                    List.of(new PersonLinkBatch.Request(List.of(known, fresh), List.of())));
            PersonLinkBatch.Linked linked = batch.link(new PersonLinkBatch.Request(List.of(known, fresh), List.of()));
            assertTrue(batch.isCustomersRef(linked, otherDocument), "the closure reaches the person's other document");
            onConnection(entityManager, connection -> {
                scans[1] = sequentialScansOfLinks(connection);
                assertEquals("on", single(connection, "select current_setting('enable_seqscan')"),
                        "the rest of the transaction plans as before");
            });
            assertEquals(scans[0], scans[1], "person_link scanned sequentially by the batch's lock");
        });
    }
}
