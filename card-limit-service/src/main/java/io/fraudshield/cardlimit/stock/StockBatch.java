package io.fraudshield.cardlimit.stock;

import io.fraudshield.cardlimit.slot.CardSlotRepository;
import io.fraudshield.cardlimit.slot.PersonLinkBatch;
import io.fraudshield.common.audit.AuditBatch;
import io.fraudshield.common.audit.AuditEntry;
import io.fraudshield.common.caller.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Applies a batch of stock lines in the caller's transaction, with the outcome of applying them one by one under
 * their persons' locks: every reference of the batch is linked to its person (link rows locked in one sorted
 * statement), the anchors of all the batch's persons at the bank are locked in sorted order (so a batch, another
 * upload and an opening of the same person never wait for each other crosswise, and an opening decided after the
 * batch counts its cards), the reported cards are locked in id order, the lines are decided in line order by
 * {@link StockLineRules}, and the cards, rejections and audit entries are written with one statement each.
 */
@ApplicationScoped
public class StockBatch {

    private final CardSlotRepository slots;
    private final StockBatchStore store;
    private final AuditBatch audit;
    private final EntityManager entityManager;

    public StockBatch(CardSlotRepository slots, StockBatchStore store, AuditBatch audit, EntityManager entityManager) {
        this.slots = slots;
        this.store = store;
        this.audit = audit;
        this.entityManager = entityManager;
    }

    /** Where a batch lets others go on: the chunks of an upload are applied two at a time, in order. */
    public interface Order {
        /** The batch holds the locks of all its persons and cards (their link rows, anchors and card rows). */
        void locked();

        /** Called before the batch appends its audit events: waits until the batch before it committed. */
        void beforeAudit();
    }

    /** @return the rejected lines with their reasons, in line order */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<StockError> apply(Caller caller, UUID upload, List<StockRow> rows, Order order) {
        if (rows.isEmpty()) {
            return List.of();
        }
        String bank = caller.participant().value();
        PersonLinkBatch links = PersonLinkBatch.lock(entityManager, rows.stream()
                .map(row -> new PersonLinkBatch.Request(row.customerRefs(), row.agentRefs())).toList());
        List<PersonLinkBatch.Linked> linked = rows.stream()
                .map(row -> links.link(new PersonLinkBatch.Request(row.customerRefs(), row.agentRefs()))).toList();
        List<AuditEntry> entries = new ArrayList<>(links.settle(entityManager));
        Set<UUID> persons = new HashSet<>();
        Set<String> cardRefs = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            PersonLinkBatch.Linked line = linked.get(i);
            persons.add(links.settledPerson(line.customer()));
            line.agent().ifPresent(agent -> persons.add(links.settledPerson(agent)));
            cardRefs.addAll(rows.get(i).cardRefs());
        }
        try {
            store.lockAnchors(bank, persons);
            Instant now = slots.databaseNow();
            var cardsByRef = store.lockCards(cardRefs);
            order.locked();
            StockLineRules rules = new StockLineRules(bank, upload, now, links, cardsByRef, entries);
            List<StockError> rejected = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                Optional<String> reason = rules.apply(rows.get(i), linked.get(i));
                if (reason.isPresent()) {
                    rejected.add(new StockError(rows.get(i).line(), reason.get()));
                }
            }
            store.write(upload, caller.subject(), now, StockLineRules.touched(cardsByRef.values()));
            AuditBatch.Digested digested = audit.digest(entries);
            order.beforeAudit();
            audit.appendAll(caller, digested);
            return rejected;
        } catch (SQLException e) {
            throw new IllegalStateException("applying a stock batch failed", e);
        }
    }
}
