package io.fraudshield.accountrisk.status;

import io.fraudshield.localstack.TestSql;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.UUID;

/** What another replica's MarkerService commits, written straight to the database: this replica only sees the feed. */
final class OtherReplica {

    private OtherReplica() {
    }

    /** A FROZEN marker on this account reference and its feed entry, in one transaction. */
    static void commitsFrozenMarker(DataSource dataSource, String accountRef) throws SQLException {
        UUID id = UUID.randomUUID();
        TestSql.execute(dataSource, "with m as (insert into marker (id, subject_type, subject_ref, category, level, reason_code, source_participant,"
                + " state, valid_from, valid_until, retain_until, created_by, created_at) values ('" + id
                + "', 'ACCOUNT', '" + accountRef + "', 'FROZEN', 'BLACK', 'FREEZE_ORDER', 'GA3301', 'ACTIVE', now(),"
                + " now() + interval '1 day', now() + interval '5 years', 'other-replica', now())),"
                + " next as (update feed_head set seq = seq + 1 where id = 1 returning seq)"
                + " insert into marker_event (seq, object_type, object_id, subject_type, subject_ref, change,"
                + " occurred_at) select seq, 'MARKER', '" + id + "', 'ACCOUNT', '" + accountRef + "', 'CREATED', now() from next");
    }
}
