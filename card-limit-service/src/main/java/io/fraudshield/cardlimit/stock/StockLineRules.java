package io.fraudshield.cardlimit.stock;

import io.fraudshield.cardlimit.slot.PersonLinkBatch;
import io.fraudshield.cardlimit.slot.SlotSource;
import io.fraudshield.cardlimit.slot.SlotState;
import io.fraudshield.common.audit.AuditEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Decides the lines of one stock batch in line order, the way an opening is decided, once the batch holds the
 * locks of every person it names and of every card it reports ({@link StockBatch}): a line may register a new card
 * or move a known card along the state machine; it may never reopen a closed card, activate an agent-opened card,
 * move a card to another customer or bank, relabel it, or change a card opened through the API. A card reported
 * twice in the batch is seen by the second line as the first left it. Every card a line changes gets its audit
 * entry, in line order.
 */
final class StockLineRules {

    static final String LEGAL_BASIS = "存量清理 (docs/rules.md A1)";

    private final String bank;
    private final UUID upload;
    private final Instant now;
    private final PersonLinkBatch links;
    private final Map<String, StockCard> cardsByRef;
    private final List<AuditEntry> audit;

    /** @param cardsByRef the locked cards of the batch by every reference; lines add the cards they register */
    StockLineRules(String bank, UUID upload, Instant now, PersonLinkBatch links, Map<String, StockCard> cardsByRef,
                   List<AuditEntry> audit) {
        this.bank = bank;
        this.upload = upload;
        this.now = now;
        this.links = links;
        this.cardsByRef = cardsByRef;
        this.audit = audit;
    }

    /** @return the reason the line is rejected, or empty when it was applied (changed or not) */
    Optional<String> apply(StockRow row, PersonLinkBatch.Linked linked) {
        if (linked.agentIsCustomer()) {
            return Optional.of("agent: the agent must be someone other than the customer");
        }
        Set<StockCard> known = cardsOf(row.cardRefs());
        if (known.stream().anyMatch(card -> !bank.equals(card.bank))) {
            return Optional.of("cardNumber: the card is registered at another bank; a card never moves between banks");
        }
        if (known.size() > 1) {
            return Optional.of("cardNumber: the card is registered twice at this bank (under two pseudonym keys); ask support");
        }
        if (known.isEmpty()) {
            StockCard card = StockCard.register(bank, upload, row, now);
            cardsByRef.put(card.cardRef, card);
            card.touched = true;
            audit.add(new AuditEntry("card.stock-registered", LEGAL_BASIS, "card", card.id.toString(), null, card.facts()));
            return Optional.empty();
        }
        StockCard card = known.iterator().next();
        if (!links.isCustomersRef(linked, card.customerRef)) {
            return Optional.of("customer: the card belongs to another customer; a card never moves between customers");
        }
        return update(row, card);
    }

    private Set<StockCard> cardsOf(Collection<String> refs) {
        Set<StockCard> cards = new LinkedHashSet<>();
        refs.forEach(ref -> {
            StockCard card = cardsByRef.get(ref);
            if (card != null) {
                cards.add(card);
            }
        });
        return cards;
    }

    private Optional<String> update(StockRow row, StockCard card) {
        String cardCategory = card.cardCategory == null ? null : card.cardCategory.name();
        if (!card.accountClass.name().equals(row.accountClass()) || !Objects.equals(cardCategory, row.cardCategory())) {
            return Optional.of("accountClass/card: a reported card keeps its account class and category ("
                    + card.accountClass + (cardCategory == null ? "" : ", " + cardCategory) + ")");
        }
        if ((card.agentRef == null) != (row.agentRef() == null)) {
            return Optional.of("agent: whether a card was opened by an agent never changes");
        }
        SlotState target = SlotState.valueOf(row.state());
        if (card.state != target) {
            if (card.source == SlotSource.OPENING) {
                return Optional.of("state: the card was opened through the API; change it there (activation, closure)");
            }
            if (card.state == SlotState.CLOSED) {
                return Optional.of("state: a closed card is never reopened");
            }
            if (card.agentRef != null && card.state == SlotState.INACTIVE && target == SlotState.ACTIVE) {
                return Optional.of("state: an agent-opened card is activated by the agent at the counter, not by an upload");
            }
            if (!card.state.canBecome(target)) {
                return Optional.of("state: " + card.state + " cannot become " + target);
            }
        }
        SlotState stateBefore = card.state;
        boolean rekeyed = !card.cardRef.equals(row.cardRef());
        Map<String, Object> before = card.facts();
        card.cardRef = row.cardRef();
        cardsByRef.put(card.cardRef, card);
        card.stockUpload = upload;
        card.stockLine = row.line();
        card.touched = true;
        if (card.state != target) {
            card.moveTo(target, now);
        }
        if (card.state != stateBefore || rekeyed) {
            audit.add(new AuditEntry(rekeyed && stateBefore == card.state ? "card.stock-rekeyed" : "card.stock-updated",
                    LEGAL_BASIS, "card", card.id.toString(), before, card.facts()));
        }
        return Optional.empty();
    }

    /** The cards the batch must write: every card a line registered or accepted, once, in its final state. */
    static List<StockCard> touched(Collection<StockCard> cards) {
        return new ArrayList<>(new LinkedHashSet<>(cards.stream().filter(card -> card.touched).toList()));
    }
}
