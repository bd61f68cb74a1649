package io.fraudshield.cardlimit.stock;

import io.agroal.api.AgroalDataSource;
import io.fraudshield.cardlimit.rules.AccountClass;
import io.fraudshield.cardlimit.rules.CardCategory;
import io.fraudshield.cardlimit.rules.Limit;
import io.fraudshield.cardlimit.rules.LimitSet;
import io.fraudshield.cardlimit.rules.RuleBook;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Bulk SQL of stock uploads: rejected lines per chunk, the work-list and the cards a full snapshot missed in one
 * query each. Persons over a limit include live holds (a held slot is as good as a card for the limit).
 */
@ApplicationScoped
public class StockStore {

    /**
     * Persons of this bank over a limit, with the open cards that consume it. {@code m} says which limits a
     * slot of each kind consumes (under the configured exclusions) and the limit in force. The groups are counted
     * first and only the few over a limit build their cards' JSON (from the rows of the same snapshot, by id):
     * building it for every person of a bank was most of an upload's final step.
     */
    private static final String WORK_LIST = """
            insert into stock_work_item (upload_id, customer_ref, limit_kind, open_count, limit_count, cards)
            select ?, g.customer_ref, g.limit_kind, g.open_count, g.limit_count,
                   (select json_agg(json_build_object('cardId', c.id, 'maskedCard', c.card_bin || '******' || c.card_last4,
                                    'state', c.state, 'stockLine', c.stock_line) order by c.stock_line, c.id)::text
                    from card_slot c where c.id = any(g.cards))
            from (select min(s.customer_ref) as customer_ref, m.limit_kind, count(*) as open_count, m.limit_count,
                         array_agg(s.id) as cards
                  from card_slot s
                  left join person_link l on l.person_ref = s.customer_ref
                  join unnest(?::text[], ?::text[], ?::text[], ?::int[]) as m(account_class, card_category, limit_kind, limit_count)
                       on m.account_class = s.account_class and m.card_category is not distinct from s.card_category
                  where s.bank = ? and (s.state in ('ACTIVE', 'INACTIVE') or (s.state = 'HELD' and s.held_until > clock_timestamp()))
                  group by coalesce(l.person_id::text, s.customer_ref), m.limit_kind, m.limit_count
                  having count(*) > m.limit_count) g
            """;

    private final AgroalDataSource dataSource;

    public StockStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
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

    /** A full snapshot: every open card of the bank that the upload did not report. */
    int writeMissingCards(UUID upload, String bank) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     insert into stock_missing_card (upload_id, card_id)
                     select ?, s.id from card_slot s
                     where s.bank = ? and s.state in ('ACTIVE', 'INACTIVE') and s.stock_upload is distinct from ?
                     """)) {
            statement.setObject(1, upload);
            statement.setString(2, bank);
            statement.setObject(3, upload);
            return statement.executeUpdate();
        }
    }

    /** Writes the work-list: every person of this bank over a limit, with their open cards. */
    int writeWorkList(UUID upload, String bank, RuleBook rules) throws SQLException {
        LimitSet limits = rules.limitsAt(bank);
        List<String> classes = new ArrayList<>();
        List<String> cards = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        List<CardCategory> cardOrNone = new ArrayList<>(Arrays.asList(CardCategory.values()));
        cardOrNone.add(null);
        for (AccountClass accountClass : AccountClass.values()) {
            for (CardCategory card : cardOrNone) {
                for (Limit limit : rules.consumedBy(accountClass, card, false)) {
                    classes.add(accountClass.name());
                    cards.add(card == null ? null : card.name());
                    kinds.add(limit.name());
                    counts.add(limits.of(limit));
                }
            }
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(WORK_LIST)) {
            statement.setObject(1, upload);
            statement.setArray(2, connection.createArrayOf("text", classes.toArray()));
            statement.setArray(3, connection.createArrayOf("text", cards.toArray()));
            statement.setArray(4, connection.createArrayOf("text", kinds.toArray()));
            statement.setArray(5, connection.createArrayOf("integer", counts.toArray()));
            statement.setString(6, bank);
            return statement.executeUpdate();
        }
    }
}
