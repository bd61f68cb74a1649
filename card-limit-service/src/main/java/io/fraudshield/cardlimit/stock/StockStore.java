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
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/** Bulk SQL of stock uploads: one statement per chunk of lines, and the work-list in one query. */
@ApplicationScoped
public class StockStore {

    private static final String UPSERT = """
            insert into card_slot (id, bank, customer_ref, account_class, card_category, state, agent_ref, card_ref,
                                   card_bin, card_last4, source, stock_upload, stock_line, created_by, created_at,
                                   confirmed_at, ended_at)
            select gen_random_uuid(), ?, u.customer_ref, u.account_class, u.card_category, u.state, u.agent_ref,
                   u.card_ref, u.card_bin, u.card_last4, 'STOCK', ?, u.line, ?, now(), now(),
                   case when u.state = 'CLOSED' then now() end
            from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[])
                 as u(customer_ref, account_class, card_category, state, agent_ref, card_ref, card_bin, card_last4, line)
            on conflict (bank, card_ref) where card_ref is not null do update
               set customer_ref = excluded.customer_ref, account_class = excluded.account_class,
                   card_category = excluded.card_category, state = excluded.state,
                   agent_ref = excluded.agent_ref, stock_upload = excluded.stock_upload,
                   stock_line = excluded.stock_line, ended_at = excluded.ended_at, version = card_slot.version + 1
            """;

    /**
     * Re-keying on presentation: a card stored under an older key's reference is moved to the active key's,
     * so the upsert below finds it instead of registering the same card a second time.
     */
    private static final String REKEY = """
            update card_slot s set card_ref = u.card_ref, version = s.version + 1
            from unnest(?::text[], ?::text[]) as u(card_ref, older_ref)
            where s.bank = ? and s.card_ref = u.older_ref
              and not exists (select 1 from card_slot t where t.bank = s.bank and t.card_ref = u.card_ref)
            """;

    /** Every reference of a stock line belongs to a person (its own new one unless already linked). */
    private static final String LINK = """
            insert into person_link (person_ref, person_id)
            select ref, gen_random_uuid() from (select distinct ref from unnest(?::text[]) ref where ref is not null) refs
            order by ref
            on conflict (person_ref) do nothing
            """;

    /**
     * Persons of this bank over a limit, with the open cards that consume it. {@code m} says which limits a
     * slot of each kind consumes (under the configured exclusions) and the limit in force.
     */
    private static final String WORK_LIST = """
            insert into stock_work_item (upload_id, customer_ref, limit_kind, open_count, limit_count, cards)
            select ?, min(s.customer_ref), m.limit_kind, count(*), m.limit_count,
                   json_agg(json_build_object('cardId', s.id, 'maskedCard', s.card_bin || '******' || s.card_last4,
                            'stockLine', s.stock_line) order by s.stock_line)::text
            from card_slot s
            left join person_link l on l.person_ref = s.customer_ref
            join unnest(?::text[], ?::text[], ?::text[], ?::int[]) as m(account_class, card_category, limit_kind, limit_count)
                 on m.account_class = s.account_class and m.card_category is not distinct from s.card_category
            where s.bank = ? and s.state in ('ACTIVE', 'INACTIVE')
            group by coalesce(l.person_id::text, s.customer_ref), m.limit_kind, m.limit_count
            having count(*) > m.limit_count
            """;

    private final AgroalDataSource dataSource;

    public StockStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Inserts or updates the chunk's cards; the same card number reported again keeps its slot. */
    void upsert(String bank, UUID upload, String subject, Collection<StockRow> rows) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement link = connection.prepareStatement(LINK);
             PreparedStatement rekey = connection.prepareStatement(REKEY);
             PreparedStatement statement = connection.prepareStatement(UPSERT)) {
            link.setArray(1, connection.createArrayOf("text", rows.stream()
                    .flatMap(row -> java.util.stream.Stream.of(row.customerRef(), row.agentRef())).toArray()));
            link.executeUpdate();
            List<String[]> older = rows.stream().flatMap(row -> row.olderCardRefs().stream()
                    .map(ref -> new String[] {row.cardRef(), ref})).toList();
            if (!older.isEmpty()) {
                rekey.setArray(1, connection.createArrayOf("text", older.stream().map(pair -> pair[0]).toArray()));
                rekey.setArray(2, connection.createArrayOf("text", older.stream().map(pair -> pair[1]).toArray()));
                rekey.setString(3, bank);
                rekey.executeUpdate();
            }
            statement.setString(1, bank);
            statement.setObject(2, upload);
            statement.setString(3, subject);
            statement.setArray(4, connection.createArrayOf("text", rows.stream().map(StockRow::customerRef).toArray()));
            statement.setArray(5, connection.createArrayOf("text", rows.stream().map(StockRow::accountClass).toArray()));
            statement.setArray(6, connection.createArrayOf("text", rows.stream().map(StockRow::cardCategory).toArray()));
            statement.setArray(7, connection.createArrayOf("text", rows.stream().map(StockRow::state).toArray()));
            statement.setArray(8, connection.createArrayOf("text", rows.stream().map(StockRow::agentRef).toArray()));
            statement.setArray(9, connection.createArrayOf("text", rows.stream().map(StockRow::cardRef).toArray()));
            statement.setArray(10, connection.createArrayOf("text", rows.stream().map(StockRow::cardBin).toArray()));
            statement.setArray(11, connection.createArrayOf("text", rows.stream().map(StockRow::cardLast4).toArray()));
            statement.setArray(12, connection.createArrayOf("bigint", rows.stream().map(StockRow::line).toArray()));
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
