package io.fraudshield.stoppayment.marker;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** Which account-risk marker an order made, recorded by the relay (auto-commit) so its revocation can name it. */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class AccountMarkerStore {

    private final AgroalDataSource dataSource;

    public AccountMarkerStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void remember(UUID orderId, UUID markerId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("insert into account_marker (order_id, marker_id,"
                     + " created_at) values (?, ?, now()) on conflict (order_id) do nothing")) {
            insert.setObject(1, orderId);
            insert.setObject(2, markerId);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("marker id not recorded", e);
        }
    }

    public Optional<UUID> markerOf(UUID orderId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select marker_id from account_marker where order_id = ?")) {
            query.setObject(1, orderId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getObject(1, UUID.class)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("marker id not read", e);
        }
    }
}
