package io.fraudshield.cardlimit.stock;

import io.fraudshield.cardlimit.rules.AccountClass;
import io.fraudshield.cardlimit.rules.CardCategory;
import io.fraudshield.cardlimit.slot.SlotSource;
import io.fraudshield.cardlimit.slot.SlotState;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A card as a stock batch sees it: read (locked) from {@code card_slot}, or registered by a line of the batch, and
 * changed in memory line after line; the batch writes its final state once.
 */
final class StockCard {

    final UUID id;
    final String bank;
    final String customerRef;
    final AccountClass accountClass;
    final CardCategory cardCategory;
    final String agentRef;
    final SlotSource source;
    final String cardBin;
    final String cardLast4;
    final boolean registered;
    SlotState state;
    String cardRef;
    UUID stockUpload;
    Long stockLine;
    Instant endedAt;
    boolean touched;

    StockCard(UUID id, String bank, String customerRef, AccountClass accountClass, CardCategory cardCategory,
              String agentRef, SlotSource source, String cardBin, String cardLast4, boolean registered, SlotState state,
              String cardRef, UUID stockUpload, Long stockLine, Instant endedAt) {
        this.id = id;
        this.bank = bank;
        this.customerRef = customerRef;
        this.accountClass = accountClass;
        this.cardCategory = cardCategory;
        this.agentRef = agentRef;
        this.source = source;
        this.cardBin = cardBin;
        this.cardLast4 = cardLast4;
        this.registered = registered;
        this.state = state;
        this.cardRef = cardRef;
        this.stockUpload = stockUpload;
        this.stockLine = stockLine;
        this.endedAt = endedAt;
    }

    /** A card the line reports for the first time. */
    static StockCard register(String bank, UUID upload, StockRow row, Instant now) {
        SlotState state = SlotState.valueOf(row.state());
        return new StockCard(UUID.randomUUID(), bank, row.customerRef(), AccountClass.valueOf(row.accountClass()),
                row.cardCategory() == null ? null : CardCategory.valueOf(row.cardCategory()), row.agentRef(),
                SlotSource.STOCK, row.cardBin(), row.cardLast4(), true, state, row.cardRef(), upload, row.line(),
                state == SlotState.CLOSED ? now : null);
    }

    void moveTo(SlotState next, Instant at) {
        state = state.to(next);
        if (next == SlotState.CLOSED) {
            endedAt = at;
        }
    }

    /** What the audit log keeps a digest of. */
    Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("state", state.name());
        facts.put("accountClass", accountClass.name());
        facts.put("cardCategory", cardCategory == null ? "" : cardCategory.name());
        facts.put("source", source.name());
        facts.put("cardRef", cardRef);
        facts.put("stockUpload", String.valueOf(stockUpload));
        facts.put("stockLine", String.valueOf(stockLine));
        return facts;
    }
}
