package io.fraudshield.accountrisk.status;

import io.agroal.api.AgroalDataSource;
import io.fraudshield.accountrisk.BlockingCalls;
import io.fraudshield.accountrisk.marker.MarkerCategory;
import io.fraudshield.accountrisk.marker.MarkerFact;
import io.fraudshield.accountrisk.marker.MarkerLevel;
import io.fraudshield.accountrisk.marker.MarkerState;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Every unrevoked, retained marker of a batch of subjects, from PostgreSQL, in one index scan. */
@ApplicationScoped
public class MarkerSnapshots {

    private static final String LOAD = "select id, subject_ref, category, level, state, reason_code, source_participant,"
            + " evidence_ref, valid_from, valid_until, retain_until, created_at from marker"
            + " where subject_ref = any(?) and state <> 'REVOKED' and retain_until > now()";

    private final AgroalDataSource dataSource;

    public MarkerSnapshots(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @param seq a change-feed position read before this call: the snapshots are at least that recent */
    public Map<String, Snapshot> load(Collection<String> refs, long seq) {
        BlockingCalls.refuseOnEventLoop("a marker load from PostgreSQL");
        Map<String, List<MarkerFact>> found = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(LOAD)) {
            Array array = connection.createArrayOf("text", refs.toArray());
            statement.setArray(1, array);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    MarkerFact fact = new MarkerFact(row.getObject(1, UUID.class), row.getString(2),
                            MarkerCategory.valueOf(row.getString(3)), MarkerLevel.valueOf(row.getString(4)),
                            MarkerState.valueOf(row.getString(5)), row.getString(6), row.getString(7), row.getString(8),
                            instant(row, 9), instant(row, 10), instant(row, 11), instant(row, 12));
                    found.computeIfAbsent(fact.subjectRef(), ref -> new ArrayList<>()).add(fact);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("markers unreadable", e);
        }
        Map<String, Snapshot> snapshots = new HashMap<>();
        for (String ref : refs) {
            snapshots.put(ref, new Snapshot(seq, List.copyOf(found.getOrDefault(ref, List.of()))));
        }
        return snapshots;
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        return row.getTimestamp(column).toInstant();
    }
}
