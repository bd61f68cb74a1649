package io.fraudshield.accountrisk.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The gap-free change feed of markers and restrictions. A writer numbers its change by incrementing the one
 * {@code feed_head} row, which locks that row until the writer commits: the next writer waits, so numbers are
 * committed in order and none is ever skipped (a rolled-back writer rolls its number back too). A reader that
 * has seen N has therefore seen every change up to N, and the head is the version of the whole marker list
 * that the status cache checks against.
 */
@ApplicationScoped
public class ChangeFeed {

    private static final String NEXT = "update feed_head set seq = seq + 1 where id = 1 returning seq";
    private static final String INSERT = "insert into marker_event (seq, object_type, object_id, subject_type,"
            + " subject_ref, change, category, level, valid_from, valid_until, occurred_at, measures)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))";
    private static final String HEAD = "select seq from feed_head where id = 1";
    private static final String PAGE = "select seq, object_type, object_id, subject_type, subject_ref, change, category,"
            + " level, valid_from, valid_until, occurred_at, measures from marker_event where seq > ? order by seq limit ?";
    /**
     * A page and the head in one statement, so in one snapshot: the head is exactly what was committed when the page
     * was read (a join keeps the head row when no event follows the cursor).
     */
    private static final String PAGE_WITH_HEAD = "select h.seq, e.seq, e.object_type, e.object_id, e.subject_type,"
            + " e.subject_ref, e.change, e.category, e.level, e.valid_from, e.valid_until, e.occurred_at, e.measures"
            + " from feed_head h left join lateral (select * from marker_event where seq > ? order by seq limit ?) e on true"
            + " where h.id = 1 order by e.seq";
    private static final TypeReference<List<FeedMeasure>> MEASURES = new TypeReference<>() {
    };

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public ChangeFeed(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Call as the last statement of the writing transaction: it holds the feed lock until commit. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long record(FeedChange change) {
        try (Connection connection = dataSource.getConnection()) {
            long seq;
            try (PreparedStatement next = connection.prepareStatement(NEXT); ResultSet result = next.executeQuery()) {
                result.next();
                seq = result.getLong(1);
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setLong(1, seq);
                insert.setString(2, change.objectType());
                insert.setObject(3, change.objectId());
                insert.setString(4, change.subjectType());
                insert.setString(5, change.subjectRef());
                insert.setString(6, change.change());
                insert.setString(7, change.category());
                insert.setString(8, change.level());
                insert.setTimestamp(9, timestamp(change.validFrom()));
                insert.setTimestamp(10, timestamp(change.validUntil()));
                insert.setTimestamp(11, Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)));
                insert.setString(12, change.measures() == null ? null : json.writeValueAsString(change.measures()));
                insert.executeUpdate();
            }
            return seq;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("change feed append failed", e);
        }
    }

    /**
     * A read of the feed gives up in the database after this long (a lock held on the feed by a migration, say):
     * status queries share one head read, so one stuck read must not hold every later query behind it once the
     * database answers again (each query's own wait is bounded by accountrisk.status-query.head-read-timeout).
     */
    public static final int READ_TIMEOUT_SECONDS = 5;

    /** The number of the last committed change. */
    public long head() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(HEAD)) {
            statement.setQueryTimeout(READ_TIMEOUT_SECONDS);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("change feed head unreadable", e);
        }
    }

    /** Committed changes after {@code after}, oldest first. */
    public List<MarkerEventView> after(long after, int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(PAGE)) {
            statement.setQueryTimeout(READ_TIMEOUT_SECONDS);
            statement.setLong(1, after);
            statement.setInt(2, limit);
            List<MarkerEventView> events = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    events.add(event(row, 1));
                }
            }
            return events;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("change feed unreadable", e);
        }
    }

    /**
     * Committed changes after {@code after}, oldest first, with the head as of the same snapshot: {@code next == head}
     * means the reader has every change committed when the page was read.
     */
    public MarkerEventPage page(long after, int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(PAGE_WITH_HEAD)) {
            statement.setLong(1, after);
            statement.setInt(2, limit);
            List<MarkerEventView> events = new ArrayList<>();
            long head;
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                head = row.getLong(1);
                do {
                    if (row.getObject(2) != null) {
                        events.add(event(row, 2));
                    }
                } while (row.next());
            }
            long next = events.isEmpty() ? after : events.get(events.size() - 1).seq();
            return new MarkerEventPage(events, next, head);
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("change feed unreadable", e);
        }
    }

    /** The event whose seq is in column {@code first}, the other columns following in table order. */
    private MarkerEventView event(ResultSet row, int first) throws SQLException, JsonProcessingException {
        return new MarkerEventView(row.getLong(first), row.getString(first + 1), row.getObject(first + 2, java.util.UUID.class),
                row.getString(first + 3), row.getString(first + 4), row.getString(first + 5), row.getString(first + 6),
                row.getString(first + 7), instant(row.getTimestamp(first + 8)), instant(row.getTimestamp(first + 9)),
                instant(row.getTimestamp(first + 10)), measures(row.getString(first + 11)));
    }

    private List<FeedMeasure> measures(String column) throws JsonProcessingException {
        return column == null ? null : json.readValue(column, MEASURES);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
