package io.fraudshield.common.outbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The relay's statements. Each is one auto-committed statement, so no row lock outlives it: a claim
 * locks its rows (SKIP LOCKED) only while it stamps them with a lease, and an outcome is recorded only by
 * the relay whose lease is still on the message.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class OutboxStore {

    private static final String CLAIM = "with claimable as ("
            + " select m.id from outbox m"
            + " where m.status = 'PENDING' and m.next_attempt_at <= now()"
            + " and (m.lease_until is null or m.lease_until < now())"
            + " and not exists (select 1 from outbox earlier where earlier.aggregate = m.aggregate"
            + "   and earlier.position < m.position and earlier.status in ('PENDING', 'DEAD'))"
            + " order by m.position limit ? for update skip locked)"
            + " update outbox o set lease_owner = ?, lease_until = now() + ? * interval '1 millisecond',"
            + " attempts = o.attempts + 1"
            + " from claimable where o.id = claimable.id"
            + " returning o.id, o.aggregate, o.type, o.destination, o.payload, o.attempts, o.position, o.traceparent, o.created_at";
    private static final String RELEASE = ", lease_until = null, lease_owner = null where id = ? and lease_owner = ?";
    private static final String DELIVERED = "update outbox set status = 'DELIVERED', delivered_at = now(),"
            + " last_error = null" + RELEASE;
    private static final String RETRY = "update outbox set next_attempt_at = now() + ? * interval '1 millisecond',"
            + " last_error = ?" + RELEASE;
    private static final String DEAD = "update outbox set status = 'DEAD', dead_at = now(), last_error = ?" + RELEASE;
    private static final String BACKLOG = "select count(*) filter (where status = 'PENDING'),"
            + " count(*) filter (where status = 'DEAD') from outbox where status in ('PENDING', 'DEAD')";
    private static final String PURGE = "delete from outbox where status = 'DELIVERED'"
            + " and delivered_at < now() - ? * interval '1 second'";

    private final AgroalDataSource dataSource;

    public OutboxStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Claims up to {@code limit} due messages for {@code owner} until the lease runs out, oldest first, at most
     * the earliest pending message of each aggregate. A dead letter holds the rest of its aggregate back until an
     * operator resends or discards it: delivering a later message (a marker's removal, say) before an earlier
     * one would leave the receiver in the wrong state.
     */
    public List<OutboxMessage> claim(UUID owner, int limit, Duration lease) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setInt(1, limit);
            claim.setObject(2, owner);
            claim.setLong(3, lease.toMillis());
            List<Claimed> claimed = new ArrayList<>();
            try (ResultSet rows = claim.executeQuery()) {
                while (rows.next()) {
                    claimed.add(new Claimed(rows.getLong(7), new OutboxMessage(rows.getObject(1, UUID.class),
                            rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5), rows.getInt(6),
                            rows.getString(8), rows.getTimestamp(9).toInstant())));
                }
            }
            // UPDATE … RETURNING gives no order: deliver in the order the messages were written
            claimed.sort((a, b) -> Long.compare(a.position, b.position));
            return claimed.stream().map(Claimed::message).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("outbox claim failed", e);
        }
    }

    /** @return false when the lease was lost (another relay owns the message now) */
    public boolean markDelivered(UUID id, UUID owner) {
        return update(DELIVERED, id, owner);
    }

    public boolean retryAfter(UUID id, UUID owner, Duration delay, String error) {
        return update(RETRY, id, owner, delay.toMillis(), error);
    }

    public boolean markDead(UUID id, UUID owner, String error) {
        return update(DEAD, id, owner, error);
    }

    /** What is waiting: messages still to deliver, and dead letters an operator must look at. */
    public record Backlog(long pending, long dead) {
    }

    public Backlog backlog() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement(BACKLOG);
             ResultSet result = count.executeQuery()) {
            result.next();
            return new Backlog(result.getLong(1), result.getLong(2));
        } catch (SQLException e) {
            throw new IllegalStateException("outbox count failed", e);
        }
    }

    /** @return how many delivered messages older than {@code age} were deleted */
    public int purgeDelivered(Duration age) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement purge = connection.prepareStatement(PURGE)) {
            purge.setLong(1, age.toSeconds());
            return purge.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("outbox purge failed", e);
        }
    }

    private boolean update(String sql, UUID id, UUID owner, Object... values) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(sql)) {
            int i = 1;
            for (Object value : values) {
                update.setObject(i++, value);
            }
            update.setObject(i++, id);
            update.setObject(i, owner);
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("outbox update failed", e);
        }
    }

    private record Claimed(long position, OutboxMessage message) {
    }
}
