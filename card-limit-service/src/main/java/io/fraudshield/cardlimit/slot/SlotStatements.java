package io.fraudshield.cardlimit.slot;

import io.fraudshield.cardlimit.rules.AccountClass;
import io.fraudshield.cardlimit.rules.CardCategory;
import io.fraudshield.cardlimit.rules.Channel;
import io.fraudshield.common.sql.RoundTrip;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

/**
 * The statements a reservation and a confirmation are made of, added to the caller's round trips (plain JDBC):
 * the same locks, in the same order, and the same counts as {@link CardSlotRepository} and {@link SlotLocks}.
 */
public final class SlotStatements {

    /** The anchors of every person the references are linked to, created where missing and locked in sorted order. */
    private static final String LOCK_ANCHORS = """
            insert into person_anchor (bank, person_ref)
            select ?, person_id::text from person_link where person_ref = any(?) group by person_id order by person_id::text
            on conflict (bank, person_ref) do update set bank = excluded.bank""";

    /** Every reference of every person one of the given references is linked to. */
    private static final String REFS_OF_PERSONS = "select l2.person_ref from person_link l1"
            + " join person_link l2 on l2.person_id = l1.person_id where l1.person_ref = any(?)";

    /**
     * The database's clock, read once after the locks, and by it the person's occupied slots by kind and state (a
     * hold counts while it lasts) and the agent's open or held cards for others: one row per kind, or one row of
     * nulls when the person holds nothing.
     */
    private static final String HOLDINGS = """
            with clock (now) as (select clock_timestamp())
            select clock.now, s.account_class, s.card_category, s.state, count(s.id),
                   (select count(*) from card_slot a where a.bank = ? and a.agent_ref in (%s)
                       and (a.state in ('ACTIVE', 'INACTIVE') or (a.state = 'HELD' and a.held_until > clock.now)))
              from clock left join card_slot s on s.bank = ? and s.customer_ref in (%s)
                   and (s.state in ('ACTIVE', 'INACTIVE') or (s.state = 'HELD' and s.held_until > clock.now))
             group by clock.now, s.account_class, s.card_category, s.state""".formatted(REFS_OF_PERSONS, REFS_OF_PERSONS);

    private static final String INSERT_HELD = """
            insert into card_slot (id, bank, customer_ref, account_class, card_category, state, channel, agent_ref,
                                   override_id, held_until, source, created_by, created_at, version)
            values (?, ?, ?, ?, ?, 'HELD', ?, ?, ?, ?, 'OPENING', ?, ?, 0)""";

    private static final String COLUMNS = "id, bank, customer_ref, account_class, card_category, state, channel, agent_ref,"
            + " override_id, held_until, card_ref, card_bin, card_last4, source, created_by, created_at, confirmed_at,"
            + " ended_at, version";

    /** A slot's person, locked at its link rows (every reference of the person, sorted), linked when it has none. */
    private static final String LOCK_LINKS_OF_SLOT = PersonLinks.LOCK.strip().replace(
            "with wanted (ref, proposed) as (select * from unnest(?::text[], ?::uuid[])),",
            "with wanted (ref, proposed) as (select customer_ref, ?::uuid from card_slot where id = ? and bank = ?),");

    private static final String LOCK_ANCHOR_OF_SLOT = """
            insert into person_anchor (bank, person_ref)
            select ?, person_id::text from person_link
             where person_ref = (select customer_ref from card_slot where id = ? and bank = ?)
            on conflict (bank, person_ref) do update set bank = excluded.bank""";

    private static final String CONFIRM = "update card_slot set state = ?, card_ref = ?, card_bin = ?, card_last4 = ?,"
            + " confirmed_at = ?, version = version + 1 where id = ? and version = ?";

    static {
        if (!LOCK_LINKS_OF_SLOT.contains("from card_slot where id = ?")) {
            throw new IllegalStateException("PersonLinks.LOCK changed: adapt LOCK_LINKS_OF_SLOT");
        }
    }

    private SlotStatements() {
    }

    /** A person's occupied slots, the agent's open cards and the clock they were counted by. */
    public record Holdings(Instant now, List<SlotCount> counts, OptionalInt agentCards) {
    }

    /** Locks the anchors of the persons of these references (after their link rows) at this bank. */
    public static void lockAnchors(RoundTrip trip, String bank, Collection<String> refs) {
        trip.add(LOCK_ANCHORS, bank, refs.toArray(String[]::new));
    }

    /** Adds the holdings count; read its answer with {@link #holdings(RoundTrip.Results, int, boolean)}. */
    public static int holdings(RoundTrip trip, String bank, Collection<String> customerRefs, Collection<String> agentRefs) {
        return trip.add(HOLDINGS, bank, agentRefs.toArray(String[]::new), bank, customerRefs.toArray(String[]::new));
    }

    public static Holdings holdings(RoundTrip.Results results, int statement, boolean withAgent) {
        List<Object[]> rows = results.rows(statement).rows();
        Instant now = RoundTrip.Rows.instant(rows.get(0)[0]);
        List<SlotCount> counts = new ArrayList<>();
        for (Object[] row : rows) {
            if (row[3] != null) {
                counts.add(new SlotCount(AccountClass.valueOf((String) row[1]),
                        row[2] == null ? null : CardCategory.valueOf((String) row[2]), SlotState.valueOf((String) row[3]),
                        ((Number) row[4]).longValue()));
            }
        }
        return new Holdings(now, counts, withAgent ? OptionalInt.of(((Number) rows.get(0)[5]).intValue()) : OptionalInt.empty());
    }

    public static void insertHeld(RoundTrip trip, CardSlot slot) {
        trip.add(INSERT_HELD, slot.id, slot.bank, slot.customerRef, slot.accountClass.name(),
                slot.cardCategory == null ? null : slot.cardCategory.name(), slot.channel.name(), slot.agentRef,
                slot.overrideId, slot.heldUntil, slot.createdBy, slot.createdAt);
    }

    /**
     * Locks a slot of this bank the way {@link SlotLocks#lockUnderPerson} does — its person's link rows, the person's
     * anchor, then the slot row — and reads the database's clock after; {@link #lockedSlot} reads the answer.
     */
    public static int lockUnderPerson(RoundTrip trip, String bank, UUID id) {
        trip.add(LOCK_LINKS_OF_SLOT, UUID.randomUUID(), id, bank);
        trip.add(LOCK_ANCHOR_OF_SLOT, bank, id, bank);
        int slot = trip.add("select " + COLUMNS + " from card_slot where id = ? and bank = ? for update", id, bank);
        trip.add("select clock_timestamp()");
        return slot;
    }

    /** The locked slot (empty when it is not this bank's) and the database's clock read after the lock. */
    public record Locked(Optional<CardSlot> slot, Instant now) {
    }

    public static Locked lockedSlot(RoundTrip.Results results, int statement) {
        Instant now = RoundTrip.Rows.instant(results.rows(statement + 1).single()[0]);
        RoundTrip.Rows rows = results.rows(statement);
        return new Locked(rows.isEmpty() ? Optional.empty() : Optional.of(slotOf(rows.single())), now);
    }

    /** Whether the card is registered at this bank under any of these references. */
    public static int cardExists(RoundTrip trip, String bank, Collection<String> cardRefs) {
        // "is not null" spelt out: the planner cannot prove it from "= any(?)" with an array parameter, and the
        // unique index on (bank, card_ref) is partial on it
        return trip.add("select 1 from card_slot where bank = ? and card_ref is not null and card_ref = any(?) limit 1", bank,
                cardRefs.toArray(String[]::new));
    }

    /**
     * Counted openings of the slot's person (all references) confirmed at any bank since {@code since}, other than this
     * slot (opened through us, excluded categories not counted).
     */
    public static int confirmedSinceOtherThan(RoundTrip trip, UUID id, String bank, Instant since, Set<CardCategory> excluded) {
        return trip.add("select count(*) from card_slot where customer_ref in (" + REFS_OF_PERSONS.replace("= any(?)",
                        "= (select customer_ref from card_slot where id = ? and bank = ?)") + ")"
                        + " and confirmed_at >= ? and source = 'OPENING' and id <> ?"
                        + " and (card_category is null or card_category <> all(?))",
                id, bank, since, id, excluded.stream().map(Enum::name).toArray(String[]::new));
    }

    /** Banks of those openings, this slot's bank included. */
    public static int banksConfirmedSinceWith(RoundTrip trip, UUID id, String bank, Instant since, Set<CardCategory> excluded) {
        return trip.add("select count(distinct bank) from (select bank from card_slot where customer_ref in ("
                        + REFS_OF_PERSONS.replace("= any(?)", "= (select customer_ref from card_slot where id = ? and bank = ?)") + ")"
                        + " and confirmed_at >= ? and source = 'OPENING' and id <> ?"
                        + " and (card_category is null or card_category <> all(?)) union all select ?) banks",
                id, bank, since, id, excluded.stream().map(Enum::name).toArray(String[]::new), bank);
    }

    /** The confirmation's change of a locked slot (its version checked, as an entity update would). */
    public static void confirm(RoundTrip trip, CardSlot slot) {
        trip.add(CONFIRM, slot.state.name(), slot.cardRef, slot.cardBin, slot.cardLast4, slot.confirmedAt, slot.id,
                slot.version);
    }

    private static CardSlot slotOf(Object[] row) {
        CardSlot slot = new CardSlot();
        slot.id = (UUID) row[0];
        slot.bank = (String) row[1];
        slot.customerRef = (String) row[2];
        slot.accountClass = AccountClass.valueOf((String) row[3]);
        slot.cardCategory = row[4] == null ? null : CardCategory.valueOf((String) row[4]);
        slot.state = SlotState.valueOf((String) row[5]);
        slot.channel = Channel.valueOf((String) row[6]);
        slot.agentRef = (String) row[7];
        slot.overrideId = (UUID) row[8];
        slot.heldUntil = RoundTrip.Rows.instant(row[9]);
        slot.cardRef = (String) row[10];
        slot.cardBin = (String) row[11];
        slot.cardLast4 = (String) row[12];
        slot.source = SlotSource.valueOf((String) row[13]);
        slot.createdBy = (String) row[14];
        slot.createdAt = RoundTrip.Rows.instant(row[15]);
        slot.confirmedAt = RoundTrip.Rows.instant(row[16]);
        slot.endedAt = RoundTrip.Rows.instant(row[17]);
        slot.version = ((Number) row[18]).longValue();
        return slot;
    }
}
