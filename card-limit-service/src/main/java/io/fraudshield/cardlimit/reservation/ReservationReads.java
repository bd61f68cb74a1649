package io.fraudshield.cardlimit.reservation;

import io.agroal.api.AgroalDataSource;
import io.fraudshield.cardlimit.rules.AccountClass;
import io.fraudshield.cardlimit.rules.CardCategory;
import io.fraudshield.cardlimit.rules.Channel;
import io.fraudshield.cardlimit.rules.Outcome;
import io.fraudshield.cardlimit.slot.SlotState;
import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Reservations as the calling bank reads them: one primary-key SELECT on an auto-commit connection, no JTA
 * transaction, no entity (nothing to flush or dirty-check). The bank is part of the WHERE clause, so another
 * bank's reservation is not found (404) rather than filtered afterwards.
 */
@ApplicationScoped
public class ReservationReads {

    private static final String BY_ID = "select id, state, customer_ref, account_class, card_category, channel, held_until,"
            + " override_id from card_slot where id = ? and bank = ?";

    private final AgroalDataSource dataSource;

    public ReservationReads(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public ReservationView find(Caller caller, UUID id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(BY_ID)) {
            statement.setObject(1, id);
            statement.setString(2, caller.participant().value());
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw ProblemException.notFound("Reservation " + id);
                }
                return new ReservationView(row.getObject(1, UUID.class), SlotState.valueOf(row.getString(2)), Outcome.ALLOW,
                        List.of(), row.getString(3), AccountClass.valueOf(row.getString(4)),
                        enumOrNull(CardCategory.class, row.getString(5)), enumOrNull(Channel.class, row.getString(6)),
                        instantOrNull(row.getTimestamp(7)), row.getObject(8, UUID.class), null);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reservation unreadable", e);
        }
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static Instant instantOrNull(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
