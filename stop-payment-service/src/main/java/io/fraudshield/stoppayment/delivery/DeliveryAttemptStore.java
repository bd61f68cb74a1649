package io.fraudshield.stoppayment.delivery;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Every webhook attempt, written on its own (auto-commit) as it happens: the relay holds no transaction. */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class DeliveryAttemptStore {

    private static final String INSERT = "insert into delivery_attempt (event_id, order_id, participant, event_type,"
            + " attempt, attempted_at, status_code, outcome, error, millis) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String OF_ORDER = "select event_id, order_id, participant, event_type, attempt, attempted_at,"
            + " status_code, outcome, error, millis from delivery_attempt where order_id = ? order by id";

    private final AgroalDataSource dataSource;

    public DeliveryAttemptStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void record(DeliveryAttempt attempt) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, attempt.eventId());
            insert.setObject(2, attempt.orderId());
            insert.setString(3, attempt.participant());
            insert.setString(4, attempt.eventType());
            insert.setInt(5, attempt.attempt());
            insert.setTimestamp(6, Timestamp.from(attempt.attemptedAt()));
            if (attempt.statusCode() == null) {
                insert.setNull(7, Types.INTEGER);
            } else {
                insert.setInt(7, attempt.statusCode());
            }
            insert.setString(8, attempt.outcome());
            insert.setString(9, attempt.error());
            insert.setInt(10, attempt.millis());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("delivery attempt not recorded", e);
        }
    }

    public List<DeliveryAttempt> ofOrder(UUID orderId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(OF_ORDER)) {
            query.setObject(1, orderId);
            List<DeliveryAttempt> attempts = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    attempts.add(new DeliveryAttempt(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class),
                            rows.getString(3), rows.getString(4), rows.getInt(5), rows.getTimestamp(6).toInstant(),
                            rows.getObject(7, Integer.class), rows.getString(8), rows.getString(9), rows.getInt(10)));
                }
            }
            return attempts;
        } catch (SQLException e) {
            throw new IllegalStateException("delivery attempts not read", e);
        }
    }
}
