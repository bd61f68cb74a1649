package io.fraudshield.common.outbox;

import io.agroal.api.AgroalDataSource;
import io.fraudshield.common.sql.RoundTrip;
import io.fraudshield.common.tracing.Traceparent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Writes a message for another service in the caller's transaction: it is sent if and only if the change
 * that caused it commits. {@link OutboxRelay} delivers it later through the destination's {@link OutboxDelivery}.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = "insert into outbox (id, aggregate, type, destination, payload, traceparent)"
            + " values (?, ?, ?, ?, ?, ?)";

    private final AgroalDataSource dataSource;

    public Outbox(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @param aggregate   what the message is about (e.g. a customerRef, never a clear identifier): messages of
     *                    one aggregate are delivered in the order they were written
     * @param type        what kind of message, for the receiver and for operators
     * @param destination which {@link OutboxDelivery} carries it
     * @param payload     the body, usually JSON
     * @return the message id the receiver sees as {@link OutboxMessage#MESSAGE_ID_HEADER}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID enqueue(String aggregate, String type, String destination, String payload) {
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, id);
            insert.setString(2, aggregate);
            insert.setString(3, type);
            insert.setString(4, destination);
            insert.setString(5, payload);
            // the writer's trace, continued by the relay when it delivers
            insert.setString(6, Traceparent.current().orElse(null));
            insert.executeUpdate();
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("outbox enqueue failed", e);
        }
    }

    /** {@link #enqueue}, added to a round trip of a write that makes its own (plain JDBC, no JTA). */
    public UUID enqueueIn(RoundTrip trip, String aggregate, String type, String destination, String payload) {
        UUID id = UUID.randomUUID();
        trip.add(INSERT, id, aggregate, type, destination, payload, Traceparent.current().orElse(null));
        return id;
    }
}
