package io.fraudshield.cardlimit.slot;

import io.fraudshield.cardlimit.rules.CardCategory;
import io.fraudshield.cardlimit.rules.Limit;
import io.fraudshield.cardlimit.rules.LimitHolding;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

@ApplicationScoped
public class CardSlotRepository implements PanacheRepositoryBase<CardSlot, UUID> {

    /**
     * Takes the row locks that serialise all slot changes of these persons at this bank, in a fixed order
     * so two requests never wait for each other crosswise. Held until the transaction ends.
     */
    public void lockPersons(String bank, UUID... persons) {
        Stream.of(persons).map(UUID::toString).distinct().sorted().forEach(person -> getEntityManager().createNativeQuery(
                        "insert into person_anchor (bank, person_ref) values (?1, ?2)"
                                + " on conflict (bank, person_ref) do update set bank = excluded.bank")
                .setParameter(1, bank).setParameter(2, person).executeUpdate());
    }

    /**
     * The database's clock: the one every replica shares, so whether a hold lasts is the same answer on
     * every replica. Read after the person locks are taken.
     */
    public Instant databaseNow() {
        Object now = getEntityManager().createNativeQuery("select clock_timestamp()").getSingleResult();
        if (now instanceof Instant instant) {
            return instant;
        }
        if (now instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) now).toInstant();
    }

    /**
     * A person's occupied slots at this bank per limit; holds count only while they last (by the database's
     * clock {@code now}). {@code consumption} says which limits a slot of each kind consumes.
     */
    public Map<Limit, LimitHolding> holdings(String bank, Collection<String> personRefs, Instant now,
                                             Function<SlotCount, Set<Limit>> consumption) {
        return holdings(occupying(bank, personRefs, now), consumption);
    }

    /** Occupied slots by kind and state, per limit. */
    public Map<Limit, LimitHolding> holdings(List<SlotCount> occupying, Function<SlotCount, Set<Limit>> consumption) {
        Map<Limit, int[]> counts = new EnumMap<>(Limit.class);
        for (SlotCount row : occupying) {
            int column = switch (row.state()) {
                case ACTIVE -> 0;
                case INACTIVE -> 1;
                default -> 2;
            };
            for (Limit limit : consumption.apply(row)) {
                counts.computeIfAbsent(limit, l -> new int[3])[column] += Math.toIntExact(row.count());
            }
        }
        Map<Limit, LimitHolding> holdings = new EnumMap<>(Limit.class);
        for (Limit limit : Limit.values()) {
            int[] c = counts.getOrDefault(limit, new int[3]);
            holdings.put(limit, new LimitHolding(limit, c[0], c[1], c[2]));
        }
        return holdings;
    }

    /** The person's occupied slots by kind and state, excluded categories included. */
    public List<SlotCount> occupying(String bank, Collection<String> personRefs, Instant now) {
        if (personRefs.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("select new " + SlotCount.class.getName()
                        + "(s.accountClass, s.cardCategory, s.state, count(s)) from CardSlot s"
                        + " where s.bank = ?1 and s.customerRef in ?2"
                        + " and (s.state in (?3, ?4) or (s.state = ?5 and s.heldUntil > ?6))"
                        + " group by s.accountClass, s.cardCategory, s.state", SlotCount.class)
                .setParameter(1, bank).setParameter(2, personRefs)
                .setParameter(3, SlotState.ACTIVE).setParameter(4, SlotState.INACTIVE)
                .setParameter(5, SlotState.HELD).setParameter(6, now)
                .getResultList();
    }

    /** Cards an agent (any of the agent's references) has open or held for others at this bank. */
    public int agentOpenCards(String bank, Collection<String> agentRefs, Instant now) {
        return Math.toIntExact(getEntityManager().createQuery("select count(s) from CardSlot s where s.bank = ?1"
                        + " and s.agentRef in ?2 and (s.state in (?3, ?4) or (s.state = ?5 and s.heldUntil > ?6))", Long.class)
                .setParameter(1, bank).setParameter(2, agentRefs).setParameter(3, SlotState.ACTIVE)
                .setParameter(4, SlotState.INACTIVE).setParameter(5, SlotState.HELD).setParameter(6, now)
                .getSingleResult());
    }

    /** A slot of this bank, locked for update; another bank's slot is not found. */
    public Optional<CardSlot> lockOwned(UUID id, String bank) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).filter(slot -> slot.bank.equals(bank));
    }

    /**
     * The customer reference of a slot of this bank, read without loading the slot: the slot is locked
     * afterwards, and an entity already loaded would be checked against its stale version.
     */
    public Optional<String> customerRefOf(UUID id, String bank) {
        return getEntityManager().createQuery("select s.customerRef from CardSlot s where s.id = ?1 and s.bank = ?2",
                        String.class).setParameter(1, id).setParameter(2, bank).getResultStream().findFirst();
    }

    /** The id of this bank's card (not a hold) with one of these references; another bank's is not found. */
    public Optional<UUID> cardIdOf(String bank, Collection<String> cardRefs) {
        return getEntityManager().createQuery("select s.id from CardSlot s where s.bank = ?1 and s.cardRef in ?2"
                        + " order by s.createdAt", UUID.class)
                .setParameter(1, bank).setParameter(2, cardRefs).setMaxResults(1).getResultStream().findFirst();
    }

    public Optional<CardSlot> findOwned(UUID id, String bank) {
        return findByIdOptional(id).filter(slot -> slot.bank.equals(bank));
    }

    /** Whether the card is registered at this bank under any live key's reference (a rotation resets nothing). */
    public boolean cardExists(String bank, Collection<String> cardRefs) {
        return !getEntityManager().createQuery("select 1 from CardSlot s where s.bank = ?1 and s.cardRef in ?2", Integer.class)
                .setParameter(1, bank).setParameter(2, cardRefs).setMaxResults(1).getResultList().isEmpty();
    }

    public List<CardSlot> openSlotsOf(String bank, Collection<String> personRefs) {
        return list("bank = ?1 and customerRef in ?2 and state in ?3 order by createdAt", bank, personRefs,
                SlotState.OCCUPYING);
    }

    /** Counted openings confirmed for a person at any bank since {@code since} (opened through us). */
    public long confirmedSince(Collection<String> personRefs, Instant since, Set<CardCategory> excluded) {
        return countedSince("count(s)", personRefs, since, excluded);
    }

    public long banksConfirmedSince(Collection<String> personRefs, Instant since, Set<CardCategory> excluded) {
        return countedSince("count(distinct s.bank)", personRefs, since, excluded);
    }

    private long countedSince(String what, Collection<String> personRefs, Instant since, Set<CardCategory> excluded) {
        TypedQuery<Long> query = getEntityManager().createQuery("select " + what + " from CardSlot s where s.customerRef in ?1"
                + " and s.confirmedAt >= ?2 and s.source = ?3"
                + (excluded.isEmpty() ? "" : " and (s.cardCategory is null or s.cardCategory not in ?4)"), Long.class)
                .setParameter(1, personRefs).setParameter(2, since).setParameter(3, SlotSource.OPENING);
        if (!excluded.isEmpty()) {
            query.setParameter(4, excluded);
        }
        return query.getSingleResult();
    }

    /** A person's open slots per bank and kind: the regulator's cross-institution view. */
    public List<BankSlotCount> openPerBank(Collection<String> personRefs) {
        return getEntityManager().createQuery("select new " + BankSlotCount.class.getName()
                        + "(s.bank, s.accountClass, s.cardCategory, count(s)) from CardSlot s"
                        + " where s.customerRef in ?1 and s.state in (?2, ?3)"
                        + " group by s.bank, s.accountClass, s.cardCategory order by s.bank", BankSlotCount.class)
                .setParameter(1, personRefs).setParameter(2, SlotState.ACTIVE).setParameter(3, SlotState.INACTIVE)
                .getResultList();
    }

    /** Ids of holds that ran out by the database's clock, oldest first, at most {@code limit}. */
    public List<UUID> expiredHolds(Instant databaseNow, int limit) {
        return getEntityManager().createQuery("select s.id from CardSlot s where s.state = ?1 and s.heldUntil <= ?2"
                        + " order by s.heldUntil", UUID.class)
                .setParameter(1, SlotState.HELD).setParameter(2, databaseNow).setMaxResults(limit).getResultList();
    }
}
