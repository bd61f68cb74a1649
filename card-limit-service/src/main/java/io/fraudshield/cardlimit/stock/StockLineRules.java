package io.fraudshield.cardlimit.stock;

import io.fraudshield.cardlimit.slot.CardSlot;
import io.fraudshield.cardlimit.slot.CardSlotRepository;
import io.fraudshield.cardlimit.slot.PersonLinks;
import io.fraudshield.cardlimit.slot.SlotSource;
import io.fraudshield.cardlimit.slot.SlotState;
import io.fraudshield.cardlimit.rules.AccountClass;
import io.fraudshield.cardlimit.rules.CardCategory;
import io.fraudshield.common.audit.AuditEntry;
import io.fraudshield.common.audit.AuditTrail;
import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies one stock line the way an opening is applied: the line's documents are linked to their person and the
 * person's anchor at the bank is locked (customer and agent, sorted) before the card is read, so a line and a
 * racing reservation, confirmation or closure of the same person are decided one after the other. The line may
 * register a new card, or move a known card along the state machine; it may never reopen a closed card, activate
 * an agent-opened card, move a card to another customer or bank, relabel it, or change a card opened through the
 * API. Every card it changes is audited in the chunk's transaction.
 */
@ApplicationScoped
public class StockLineRules {

    static final String LEGAL_BASIS = "存量清理 (docs/rules.md A1)";

    private final CardSlotRepository slots;
    private final PersonLinks links;
    private final AuditTrail audit;
    private final EntityManager entityManager;

    public StockLineRules(CardSlotRepository slots, PersonLinks links, AuditTrail audit, EntityManager entityManager) {
        this.slots = slots;
        this.links = links;
        this.audit = audit;
        this.entityManager = entityManager;
    }

    /** @return the reason the line is rejected, or empty when it was applied (changed or not) */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> apply(Caller caller, UUID upload, StockRow row, Instant now) {
        String bank = caller.participant().value();
        PersonLinks.LinkedPersons persons;
        try {
            persons = links.link(caller, row.customerRefs(), row.agentRefs());
        } catch (ProblemException e) {
            return Optional.of("agent: the agent must be someone other than the customer");
        }
        if (persons.agent().isPresent()) {
            slots.lockPersons(bank, persons.customer(), persons.agent().get());
        } else {
            slots.lockPersons(bank, persons.customer());
        }
        List<Object[]> known = entityManager.createQuery("select s.id, s.bank, s.customerRef from CardSlot s"
                + " where s.cardRef in ?1", Object[].class).setParameter(1, row.cardRefs()).getResultList();
        if (known.stream().anyMatch(slot -> !bank.equals(slot[1]))) {
            return Optional.of("cardNumber: the card is registered at another bank; a card never moves between banks");
        }
        if (known.size() > 1) {
            return Optional.of("cardNumber: the card is registered twice at this bank (under two pseudonym keys); ask support");
        }
        if (known.isEmpty()) {
            register(caller, upload, row, now);
            return Optional.empty();
        }
        if (!links.refsOf(persons.customer()).contains((String) known.get(0)[2])) {
            return Optional.of("customer: the card belongs to another customer; a card never moves between customers");
        }
        CardSlot slot = slots.lockOwned((UUID) known.get(0)[0], bank).orElseThrow();
        return update(caller, upload, row, slot, now);
    }

    private void register(Caller caller, UUID upload, StockRow row, Instant now) {
        CardSlot slot = new CardSlot();
        slot.id = UUID.randomUUID();
        slot.bank = caller.participant().value();
        slot.customerRef = row.customerRef();
        slot.accountClass = AccountClass.valueOf(row.accountClass());
        slot.cardCategory = row.cardCategory() == null ? null : CardCategory.valueOf(row.cardCategory());
        slot.state = SlotState.valueOf(row.state());
        slot.agentRef = row.agentRef();
        slot.cardRef = row.cardRef();
        slot.cardBin = row.cardBin();
        slot.cardLast4 = row.cardLast4();
        slot.source = SlotSource.STOCK;
        slot.stockUpload = upload;
        slot.stockLine = row.line();
        slot.createdBy = caller.subject();
        slot.createdAt = now;
        slot.confirmedAt = now;
        slot.endedAt = slot.state == SlotState.CLOSED ? now : null;
        slots.persist(slot);
        audit.append(caller, new AuditEntry("card.stock-registered", LEGAL_BASIS, "card", slot.id.toString(), null,
                facts(slot)));
    }

    private Optional<String> update(Caller caller, UUID upload, StockRow row, CardSlot slot, Instant now) {
        String cardCategory = slot.cardCategory == null ? null : slot.cardCategory.name();
        if (!slot.accountClass.name().equals(row.accountClass()) || !Objects.equals(cardCategory, row.cardCategory())) {
            return Optional.of("accountClass/card: a reported card keeps its account class and category ("
                    + slot.accountClass + (cardCategory == null ? "" : ", " + cardCategory) + ")");
        }
        if ((slot.agentRef == null) != (row.agentRef() == null)) {
            return Optional.of("agent: whether a card was opened by an agent never changes");
        }
        SlotState target = SlotState.valueOf(row.state());
        if (slot.state != target) {
            if (slot.source == SlotSource.OPENING) {
                return Optional.of("state: the card was opened through the API; change it there (activation, closure)");
            }
            if (slot.state == SlotState.CLOSED) {
                return Optional.of("state: a closed card is never reopened");
            }
            if (slot.agentRef != null && slot.state == SlotState.INACTIVE && target == SlotState.ACTIVE) {
                return Optional.of("state: an agent-opened card is activated by the agent at the counter, not by an upload");
            }
            if (!slot.state.canBecome(target)) {
                return Optional.of("state: " + slot.state + " cannot become " + target);
            }
        }
        boolean rekeyed = !slot.cardRef.equals(row.cardRef());
        Map<String, Object> before = facts(slot);
        slot.cardRef = row.cardRef();
        slot.stockUpload = upload;
        slot.stockLine = row.line();
        if (slot.state != target) {
            slot.moveTo(target, now);
        }
        if (slot.state != SlotState.valueOf(String.valueOf(before.get("state"))) || rekeyed) {
            audit.append(caller, new AuditEntry(rekeyed && before.get("state").equals(slot.state.name())
                    ? "card.stock-rekeyed" : "card.stock-updated", LEGAL_BASIS, "card", slot.id.toString(), before,
                    facts(slot)));
        }
        return Optional.empty();
    }

    private static Map<String, Object> facts(CardSlot slot) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("state", slot.state.name());
        facts.put("accountClass", slot.accountClass.name());
        facts.put("cardCategory", slot.cardCategory == null ? "" : slot.cardCategory.name());
        facts.put("source", slot.source.name());
        facts.put("cardRef", slot.cardRef);
        facts.put("stockUpload", String.valueOf(slot.stockUpload));
        facts.put("stockLine", String.valueOf(slot.stockLine));
        return facts;
    }
}
