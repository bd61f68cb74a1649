package io.fraudshield.cardlimit.stock;

import io.agroal.api.AgroalDataSource;
import io.fraudshield.cardlimit.rules.AccountClass;
import io.fraudshield.cardlimit.rules.CardCategory;
import io.fraudshield.cardlimit.slot.SlotSource;
import io.fraudshield.cardlimit.slot.SlotState;
import io.fraudshield.common.sql.CopyRows;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Set-based SQL of a stock batch, one statement each, in the caller's transaction: the persons' anchors locked in
 * sorted order (as {@code CardSlotRepository.lockPersons} does for one request), the reported cards read and locked
 * in id order, and the batch's cards written: the new ones by one COPY (a card registered meanwhile by another
 * writer fails it on the unique (bank, card_ref) index, as an INSERT would, and the chunk is applied again), the
 * known ones by one UPDATE.
 */
@ApplicationScoped
public class StockBatchStore {

    private static final String LOCK_ANCHORS = """
            insert into person_anchor (bank, person_ref)
            select ?, p from unnest(?::text[]) p order by p
            on conflict (bank, person_ref) do update set bank = excluded.bank
            """;
    private static final String LOCK_CARDS = """
            select id, bank, customer_ref, account_class, card_category, agent_ref, source, card_bin, card_last4,
                   state, card_ref, stock_upload, stock_line, ended_at
            from card_slot where card_ref = any(?) order by id for update
            """;
    private static final String CARDS = "card_slot (id, bank, customer_ref, account_class, card_category, state,"
            + " agent_ref, card_ref, card_bin, card_last4, source, stock_upload, stock_line, created_by, created_at,"
            + " confirmed_at, ended_at)";
    private static final String UPDATE = """
            update card_slot s set state = c.state, card_ref = c.card_ref, stock_upload = ?, stock_line = c.stock_line,
                                   ended_at = c.ended_at, version = s.version + 1
            from unnest(?::uuid[], ?::text[], ?::text[], ?::bigint[], ?::timestamptz[])
                 as c(id, state, card_ref, stock_line, ended_at)
            where s.id = c.id
            """;

    private final AgroalDataSource dataSource;

    public StockBatchStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void lockAnchors(String bank, Collection<UUID> persons) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(LOCK_ANCHORS)) {
            statement.setString(1, bank);
            statement.setArray(2, connection.createArrayOf("text",
                    new TreeSet<>(persons.stream().map(UUID::toString).toList()).toArray()));
            statement.executeUpdate();
        }
    }

    /** Every card (of any bank) with one of these references, locked in id order, by its reference. */
    Map<String, StockCard> lockCards(Collection<String> cardRefs) throws SQLException {
        Map<String, StockCard> cards = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(LOCK_CARDS)) {
            statement.setArray(1, connection.createArrayOf("text", cardRefs.toArray()));
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    String category = row.getString(5);
                    long stockLine = row.getLong(13);
                    Timestamp endedAt = row.getTimestamp(14);
                    StockCard card = new StockCard(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                            AccountClass.valueOf(row.getString(4)), category == null ? null : CardCategory.valueOf(category),
                            row.getString(6), SlotSource.valueOf(row.getString(7)), row.getString(8), row.getString(9),
                            false, SlotState.valueOf(row.getString(10)), row.getString(11),
                            row.getObject(12, UUID.class), row.wasNull() ? null : stockLine,
                            endedAt == null ? null : endedAt.toInstant());
                    cards.put(card.cardRef, card);
                }
            }
        }
        return cards;
    }

    /** Inserts the cards the batch registered and updates the ones it accepted, in their final state. */
    void write(UUID upload, String createdBy, Instant now, List<StockCard> cards) throws SQLException {
        List<StockCard> registered = cards.stream().filter(card -> card.registered).toList();
        List<StockCard> updated = cards.stream().filter(card -> !card.registered).toList();
        try (Connection connection = dataSource.getConnection()) {
            if (!registered.isEmpty()) {
                insert(connection, upload, createdBy, now, registered);
            }
            if (!updated.isEmpty()) {
                update(connection, upload, updated);
            }
        }
    }

    private static void insert(Connection connection, UUID upload, String createdBy, Instant now,
                               List<StockCard> cards) throws SQLException {
        CopyRows rows = new CopyRows(CARDS, 17);
        for (StockCard card : cards) {
            rows.add(card.id, card.bank, card.customerRef, card.accountClass.name(),
                    card.cardCategory == null ? null : card.cardCategory.name(), card.state.name(), card.agentRef,
                    card.cardRef, card.cardBin, card.cardLast4, SlotSource.STOCK.name(), upload, card.stockLine,
                    createdBy, now, now, card.endedAt);
        }
        rows.copyInto(connection);
    }

    private static void update(Connection connection, UUID upload, List<StockCard> cards) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(UPDATE)) {
            statement.setObject(1, upload);
            statement.setArray(2, connection.createArrayOf("uuid", column(cards, card -> card.id)));
            statement.setArray(3, connection.createArrayOf("text", column(cards, card -> card.state.name())));
            statement.setArray(4, connection.createArrayOf("text", column(cards, card -> card.cardRef)));
            statement.setArray(5, connection.createArrayOf("bigint", column(cards, card -> card.stockLine)));
            statement.setArray(6, connection.createArrayOf("text", column(cards, StockBatchStore::endedAt)));
            statement.executeUpdate();
        }
    }

    private static String endedAt(StockCard card) {
        return card.endedAt == null ? null : card.endedAt.toString();
    }

    private static Object[] column(List<StockCard> cards, java.util.function.Function<StockCard, Object> value) {
        List<Object> values = new ArrayList<>(cards.size());
        cards.forEach(card -> values.add(value.apply(card)));
        return values.toArray();
    }
}
