package io.fraudshield.cardlimit.stock;

import io.agroal.api.AgroalDataSource;
import io.fraudshield.cardlimit.rules.LimitSet;
import io.fraudshield.cardlimit.rules.Product;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Bulk SQL of stock uploads: one statement per chunk of lines, and the work-list in one query. */
@ApplicationScoped
public class StockStore {

    private static final String UPSERT = """
            insert into card_slot (id, bank, customer_ref, product, state, agent_ref, card_ref, card_bin, card_last4,
                                   source, stock_upload, stock_line, created_by, created_at, confirmed_at, ended_at)
            select gen_random_uuid(), ?, u.customer_ref, u.product, u.state, u.agent_ref, u.card_ref, u.card_bin,
                   u.card_last4, 'STOCK', ?, u.line, ?, now(), now(), case when u.state = 'CLOSED' then now() end
            from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[])
                 as u(customer_ref, product, state, agent_ref, card_ref, card_bin, card_last4, line)
            on conflict (bank, card_ref) where card_ref is not null do update
               set customer_ref = excluded.customer_ref, product = excluded.product, state = excluded.state,
                   agent_ref = excluded.agent_ref, stock_upload = excluded.stock_upload,
                   stock_line = excluded.stock_line, ended_at = excluded.ended_at, version = card_slot.version + 1
            """;

    private static final String WORK_LIST = """
            insert into stock_work_item (upload_id, customer_ref, product, open_count, limit_count, cards)
            select ?, s.customer_ref, s.product, count(*), l.limit_count,
                   json_agg(json_build_object('cardId', s.id, 'maskedCard', s.card_bin || '******' || s.card_last4,
                            'stockLine', s.stock_line) order by s.stock_line)::text
            from card_slot s
            join (values ('DEBIT_CARD', ?), ('CLASS_I_ACCOUNT', ?), ('CLASS_II_ACCOUNT', ?), ('CLASS_III_ACCOUNT', ?))
                 as l(product, limit_count) on l.product = s.product
            where s.bank = ? and s.state in ('ACTIVE', 'INACTIVE')
            group by s.customer_ref, s.product, l.limit_count
            having count(*) > l.limit_count
            """;

    private final AgroalDataSource dataSource;

    public StockStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Inserts or updates the chunk's cards; the same card number reported again keeps its slot. */
    void upsert(String bank, UUID upload, String subject, Collection<StockRow> rows) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(UPSERT)) {
            statement.setString(1, bank);
            statement.setObject(2, upload);
            statement.setString(3, subject);
            statement.setArray(4, connection.createArrayOf("text", rows.stream().map(StockRow::customerRef).toArray()));
            statement.setArray(5, connection.createArrayOf("text", rows.stream().map(StockRow::product).toArray()));
            statement.setArray(6, connection.createArrayOf("text", rows.stream().map(StockRow::state).toArray()));
            statement.setArray(7, connection.createArrayOf("text", rows.stream().map(StockRow::agentRef).toArray()));
            statement.setArray(8, connection.createArrayOf("text", rows.stream().map(StockRow::cardRef).toArray()));
            statement.setArray(9, connection.createArrayOf("text", rows.stream().map(StockRow::cardBin).toArray()));
            statement.setArray(10, connection.createArrayOf("text", rows.stream().map(StockRow::cardLast4).toArray()));
            statement.setArray(11, connection.createArrayOf("bigint", rows.stream().map(StockRow::line).toArray()));
            statement.executeUpdate();
        }
    }

    void recordErrors(UUID upload, List<StockError> errors) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "insert into stock_upload_error (upload_id, line_no, reason) values (?, ?, ?)")) {
            for (StockError error : errors) {
                statement.setObject(1, upload);
                statement.setLong(2, error.line());
                statement.setString(3, error.reason());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Writes the work-list: every customer of this bank over a limit, with their open cards. */
    int writeWorkList(UUID upload, String bank, LimitSet limits) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(WORK_LIST)) {
            statement.setObject(1, upload);
            statement.setInt(2, limits.of(Product.DEBIT_CARD));
            statement.setInt(3, limits.of(Product.CLASS_I_ACCOUNT));
            statement.setInt(4, limits.of(Product.CLASS_II_ACCOUNT));
            statement.setInt(5, limits.of(Product.CLASS_III_ACCOUNT));
            statement.setString(6, bank);
            return statement.executeUpdate();
        }
    }
}
