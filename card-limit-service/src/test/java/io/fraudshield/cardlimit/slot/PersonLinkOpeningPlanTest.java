package io.fraudshield.cardlimit.slot;

import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.caller.Role;
import io.fraudshield.common.identifier.ParticipantCode;
import io.fraudshield.common.sql.RoundTrip;
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

/**
 * The opening path locks its link rows by index whatever the planner thinks of {@code person_link}, as the stock
 * batch does ({@link PersonLinkBatchPlanTest}): a plan made while the table was small or unanalysed would scan all of
 * it on every opening. Index scans are made to look prohibitively dear (transaction-local {@code random_page_cost}),
 * as stale or missing statistics can make them look. The guard rides in the opening's first round trip: no round trip
 * more, the closure still reaches the person's other document, and the statements after the lock plan as before.
 */
@QuarkusTest
class PersonLinkOpeningPlanTest {

    private static final Caller TELLER = new Caller("plan-test", Role.BANK, new ParticipantCode("B102"));

    @Inject
    EntityManager entityManager;
    @Inject
    PersonLinks links;

    @Test
    void anOpeningLocksItsLinksByIndexInItsFirstRoundTripEvenWhenTheStatisticsFavourAScan() {
        String known = "opening-plan-" + UUID.randomUUID();
        String otherDocument = "opening-plan-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> onConnection(entityManager, connection -> {
            execute(connection, "insert into person_link (person_ref, person_id) values ('" + known + "', '"
                    + UUID.randomUUID() + "')");
            execute(connection, "insert into person_link (person_ref, person_id) select '" + otherDocument
                    + "', person_id from person_link where person_ref = '" + known + "'");
        }));
        QuarkusTransaction.requiringNew().run(() -> onConnection(entityManager, connection -> {
            execute(connection, "set local random_page_cost = 100000");
            long before = sequentialScansOfLinks(connection);
            RoundTrip first = new RoundTrip();
            PersonLinks.Linking linking = links.linkIn(first, List.of(known), List.of());
            RoundTrip.Results locked = first.run(connection);
            linking.settle(locked, TELLER, new RoundTrip(), subjects -> {
                throw new AssertionError("one known person: nothing to merge");
            });
            assertEquals(List.of(known, otherDocument).stream().sorted().toList(), linking.customerRefs(),
                    "the closure reaches the person's other document");
            assertEquals(before, sequentialScansOfLinks(connection), "person_link scanned sequentially by the opening's lock");
            assertEquals("on", single(connection, "select current_setting('enable_seqscan')"),
                    "the rest of the transaction plans as before");
        }));
    }
}
