package io.fraudshield.cardlimit.reservation;

import io.fraudshield.cardlimit.rules.Product;
import io.fraudshield.cardlimit.rules.ProductHolding;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

@ApplicationScoped
public class CardSlotRepository implements PanacheRepositoryBase<CardSlot, UUID> {

    private static final List<Product> COUNTED = java.util.Arrays.stream(Product.values()).filter(Product::counted).toList();

    /**
     * Takes the row locks that serialise all slot changes of these persons at this bank, in a fixed order
     * so two requests never wait for each other crosswise. Held until the transaction ends.
     */
    public void lockPersons(String bank, String... personRefs) {
        Stream.of(personRefs).distinct().sorted().forEach(ref -> getEntityManager().createNativeQuery(
                        "insert into person_anchor (bank, person_ref) values (?1, ?2)"
                                + " on conflict (bank, person_ref) do update set bank = excluded.bank")
                .setParameter(1, bank).setParameter(2, ref).executeUpdate());
    }

    /** The customer's occupied slots at this bank per product; holds count only while they last. */
    public Map<Product, ProductHolding> holdings(String bank, String customerRef, Instant now) {
        List<Object[]> rows = getEntityManager().createQuery(
                        "select s.product, s.state, count(s) from CardSlot s where s.bank = ?1 and s.customerRef = ?2"
                                + " and (s.state in (?3, ?4) or (s.state = ?5 and s.heldUntil > ?6))"
                                + " group by s.product, s.state", Object[].class)
                .setParameter(1, bank).setParameter(2, customerRef)
                .setParameter(3, SlotState.ACTIVE).setParameter(4, SlotState.INACTIVE)
                .setParameter(5, SlotState.HELD).setParameter(6, now)
                .getResultList();
        Map<Product, int[]> counts = new EnumMap<>(Product.class);
        for (Object[] row : rows) {
            int[] c = counts.computeIfAbsent((Product) row[0], p -> new int[3]);
            int n = ((Long) row[2]).intValue();
            switch ((SlotState) row[1]) {
                case ACTIVE -> c[0] += n;
                case INACTIVE -> c[1] += n;
                default -> c[2] += n;
            }
        }
        Map<Product, ProductHolding> holdings = new EnumMap<>(Product.class);
        for (Product product : Product.values()) {
            int[] c = counts.getOrDefault(product, new int[3]);
            holdings.put(product, new ProductHolding(product, c[0], c[1], c[2]));
        }
        return holdings;
    }

    /** Cards an agent has open or held for others at this bank. */
    public int agentOpenCards(String bank, String agentRef, Instant now) {
        return Math.toIntExact(getEntityManager().createQuery("select count(s) from CardSlot s where s.bank = ?1"
                        + " and s.agentRef = ?2 and (s.state in (?3, ?4) or (s.state = ?5 and s.heldUntil > ?6))", Long.class)
                .setParameter(1, bank).setParameter(2, agentRef).setParameter(3, SlotState.ACTIVE)
                .setParameter(4, SlotState.INACTIVE).setParameter(5, SlotState.HELD).setParameter(6, now)
                .getSingleResult());
    }

    /** A slot of this bank, locked for update; another bank's slot is not found. */
    public Optional<CardSlot> lockOwned(UUID id, String bank) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).filter(slot -> slot.bank.equals(bank));
    }

    public Optional<CardSlot> findOwned(UUID id, String bank) {
        return findByIdOptional(id).filter(slot -> slot.bank.equals(bank));
    }

    public boolean cardExists(String bank, String cardRef) {
        return !getEntityManager().createQuery("select 1 from CardSlot s where s.bank = ?1 and s.cardRef = ?2", Integer.class)
                .setParameter(1, bank).setParameter(2, cardRef).setMaxResults(1).getResultList().isEmpty();
    }

    public List<CardSlot> openSlotsOf(String bank, String customerRef) {
        return list("bank = ?1 and customerRef = ?2 and state in ?3 order by createdAt", bank, customerRef,
                SlotState.OCCUPYING);
    }

    /** Counted cards and accounts confirmed for a customer at any bank since {@code since} (opened through us). */
    public long confirmedSince(String customerRef, Instant since) {
        return getEntityManager().createQuery("select count(s) from CardSlot s where s.customerRef = ?1"
                        + " and s.confirmedAt >= ?2 and s.source = ?3 and s.product in ?4", Long.class)
                .setParameter(1, customerRef).setParameter(2, since).setParameter(3, SlotSource.OPENING)
                .setParameter(4, COUNTED).getSingleResult();
    }

    public long banksConfirmedSince(String customerRef, Instant since) {
        return getEntityManager().createQuery("select count(distinct s.bank) from CardSlot s where s.customerRef = ?1"
                        + " and s.confirmedAt >= ?2 and s.source = ?3 and s.product in ?4", Long.class)
                .setParameter(1, customerRef).setParameter(2, since).setParameter(3, SlotSource.OPENING)
                .setParameter(4, COUNTED).getSingleResult();
    }

    /** A customer's open counted cards and accounts per bank: the regulator's cross-institution view. */
    public List<Object[]> openPerBank(String customerRef) {
        return getEntityManager().createQuery("select s.bank, s.product, count(s) from CardSlot s"
                        + " where s.customerRef = ?1 and s.state in (?2, ?3) group by s.bank, s.product"
                        + " order by s.bank, s.product", Object[].class)
                .setParameter(1, customerRef).setParameter(2, SlotState.ACTIVE).setParameter(3, SlotState.INACTIVE)
                .getResultList();
    }

    /** Ids of holds that ran out, oldest first, at most {@code limit}. */
    public List<UUID> expiredHolds(Instant now, int limit) {
        return getEntityManager().createQuery("select s.id from CardSlot s where s.state = ?1 and s.heldUntil <= ?2"
                        + " order by s.heldUntil", UUID.class)
                .setParameter(1, SlotState.HELD).setParameter(2, now).setMaxResults(limit).getResultList();
    }
}
